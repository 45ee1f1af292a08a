package io.ashpg.maven;

import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.ProgressListener;
import io.ashpg.migration.run.SchemaOutcome;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.Log;

/** Prints a tenant run's progress to Maven's log: a line every two seconds, each failure at once. */
final class MavenProgress implements ProgressListener {

  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(2);

  private final Log log;
  private long last = System.nanoTime();

  MavenProgress(Log log) {
    this.log = log;
  }

  @Override
  public void started(int total, int pending) {
    log.info("ashpg: " + total + " tenant(s), " + pending + " with pending migrations");
  }

  @Override
  public void tenantFinished(SchemaOutcome outcome, Progress progress) {
    if (outcome.failed()) {
      log.error("ashpg: tenant " + outcome.schema() + " failed (" + progress.describe() + ")");
    }
    long now = System.nanoTime();
    if (now - last >= INTERVAL) {
      last = now;
      log.info("ashpg: " + progress.describe());
    }
  }

  @Override
  public void finished(MigrationResult result) {
    // the goal reports the result itself
  }
}
