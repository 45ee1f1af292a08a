package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

  @TempDir
  Path dir;

  @Test
  void aSecondThreadWaitsSaysSoAfterItsPatienceAndThenGetsTheLock() throws Exception {
    Path file = dir.resolve("sub/x.lock");
    AtomicInteger told = new AtomicInteger();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Void> second;
    try (LockFile first = LockFile.acquire(file, Duration.ofMillis(50), told::incrementAndGet)) {
      assertThat(first.path()).exists();
      second = CompletableFuture.runAsync(() -> {
        // spelled differently, still the same lock
        try (LockFile l = LockFile.acquire(dir.resolve("sub/../sub/x.lock"), Duration.ofMillis(100),
            waiting::countDown)) {
          assertThat(l.path()).isEqualTo(first.path());
        }
      });
      assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the second thread said that it waits").isTrue();
      assertThat(second).isNotDone();
    }
    second.get(10, TimeUnit.SECONDS);
    assertThat(told).hasValue(0);
    assertThat(Files.exists(file)).as("the lock file stays").isTrue();
    // released again: free at once, nobody is told anything
    try (LockFile again = LockFile.acquire(file, Duration.ZERO, told::incrementAndGet)) {
      assertThat(again.path()).isEqualTo(file.toRealPath());
      assertThat(told).hasValue(0);
    }
  }
}
