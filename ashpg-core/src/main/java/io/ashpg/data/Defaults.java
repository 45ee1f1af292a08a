package io.ashpg.data;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.Type;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Attribute defaults computed in Java, as Ash computes them in Elixir: one clock reading per changeset (so
 * {@code inserted_at} equals {@code updated_at} on create), UUIDs generated client-side. Only
 * {@link AttributeDefault.Sql} defaults are left to the database, by omitting the column.
 */
final class Defaults {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Defaults() {}

  /** Whether the data layer computes this default (otherwise the database applies its column default). */
  static boolean inJava(AttributeDefault d) {
    return !(d instanceof AttributeDefault.Sql);
  }

  static Object value(Attribute a, AttributeDefault d, Instant now) {
    if (d instanceof AttributeDefault.Literal l) {
      return l.value();
    }
    if (d instanceof AttributeDefault.UuidGenerate) {
      return UUID.randomUUID();
    }
    if (d instanceof AttributeDefault.UuidV7Generate) {
      return uuidV7(now);
    }
    if (d instanceof AttributeDefault.Now) {
      // Truncate to what the column keeps, so the value written is the value read back.
      boolean seconds = a.type() == Type.UTC_DATETIME || a.type() == Type.NAIVE_DATETIME;
      return now.truncatedTo(seconds ? ChronoUnit.SECONDS : ChronoUnit.MICROS);
    }
    if (d instanceof AttributeDefault.Today) {
      return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
    if (d instanceof AttributeDefault.Computed c) {
      return c.supplier().get();
    }
    throw new IllegalStateException("default " + d + " is applied by the database");
  }

  /** A version 7 UUID (RFC 9562): 48-bit Unix milliseconds, version, 74 random bits. */
  static UUID uuidV7(Instant now) {
    long millis = now.toEpochMilli();
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
