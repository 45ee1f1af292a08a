package io.ashpg.migration.snapshot;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Hands out migration and snapshot versions: UTC {@code yyyyMMddHHmmss}, strictly increasing. When the clock
 * has not moved on (several files in one second) or lags behind a version already on disk, the next version is
 * the previous one plus one second, so versions never collide.
 */
public final class VersionClock {

  /** A version: 14 digits. */
  public static final Pattern VERSION = Pattern.compile("\\d{14}");

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Clock clock;
  private LocalDateTime last;

  /** A clock reading {@code clock} (inject a fixed clock in tests). */
  public VersionClock(Clock clock) {
    this.clock = clock;
  }

  /** A clock reading the system UTC clock. */
  public static VersionClock system() {
    return new VersionClock(Clock.systemUTC());
  }

  /** The next version, later than every version handed out or {@linkplain #observe observed} before. */
  public synchronized String next() {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
    if (last != null && !now.isAfter(last)) {
      now = last.plusSeconds(1);
    }
    last = now;
    return FORMAT.format(now);
  }

  /**
   * Records a version that exists already (a stored snapshot or migration file), so later versions sort after
   * it even if the system clock is behind.
   */
  public synchronized void observe(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      return;
    }
    LocalDateTime t;
    try {
      t = LocalDateTime.parse(version, FORMAT);
    } catch (java.time.format.DateTimeParseException e) {
      return; // e.g. "00000000000000" from a squash: sorts first anyway
    }
    if (last == null || t.isAfter(last)) {
      last = t;
    }
  }
}
