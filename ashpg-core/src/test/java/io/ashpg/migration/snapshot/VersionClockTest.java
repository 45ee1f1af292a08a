package io.ashpg.migration.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VersionClockTest {

  @Test
  void formatsUtcAndBumpsOneSecondOnCollision() {
    VersionClock clock = new VersionClock(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
    assertThat(clock.next()).isEqualTo("20260304050607");
    assertThat(clock.next()).isEqualTo("20260304050608");
    assertThat(clock.next()).isEqualTo("20260304050609");
  }

  @Test
  void usesUtcWhateverTheClockZone() {
    VersionClock clock = new VersionClock(Clock.fixed(Instant.parse("2026-03-04T23:59:59Z"),
        java.time.ZoneId.of("Asia/Tokyo")));
    assertThat(clock.next()).isEqualTo("20260304235959");
  }

  @Test
  void staysAfterObservedVersionsWhenTheSystemClockLags() {
    VersionClock clock = new VersionClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    clock.observe("20270101000000");
    clock.observe("00000000000000");
    clock.observe("not-a-version");
    assertThat(clock.next()).isEqualTo("20270101000001");
  }
}
