package io.ashpg.maven;

import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.ProgressListener;
import io.ashpg.migration.run.SchemaOutcome;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints a tenant run's progress to Maven's log so that the log stays short whatever the number of tenants: a count
 * at most every two seconds, the first {@value #FAILURES_SHOWN} failures as they happen, then the final count. The
 * goal prints the summary line and lists every failure (tenant, file, statement) when it fails the build.
 */
final class MavenProgress implements ProgressListener {

  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(2);
  static final int FAILURES_SHOWN = 10;

  private final Log log;
  private final String what;
  private final boolean quiet;
  private long last = System.nanoTime();
  private Progress latest;
  private boolean latestPrinted;
  private int failuresShown;

  /**
   * @param what the run, for the first line, e.g. {@code shop_repo tenants}
   * @param quiet print only failures
   */
  MavenProgress(Log log, String what, boolean quiet) {
    this.log = log;
    this.what = what;
    this.quiet = quiet;
  }

  @Override
  public void started(int total, int pending) {
    if (!quiet) {
      log.info("ashpg: " + what + ": " + total + " tenant(s), " + pending + " with migrations to run");
    }
  }

  @Override
  public void tenantFinished(SchemaOutcome outcome, Progress progress) {
    latest = progress;
    latestPrinted = false;
    if (outcome.failed() && failuresShown < FAILURES_SHOWN) {
      failuresShown++;
      log.error("ashpg: tenant " + outcome.schema() + " failed (" + progress.describe() + ")"
          + (failuresShown == FAILURES_SHOWN ? "; further failures are counted, and all are listed at the end" : ""));
    }
    long now = System.nanoTime();
    if (!quiet && now - last >= INTERVAL) {
      last = now;
      latestPrinted = true;
      log.info("ashpg: " + progress.describe());
    }
  }

  @Override
  public void finished(MigrationResult result) {
    if (!quiet && latest != null && !latestPrinted) {
      // the last periodic line may be seconds old: the final count always shows
      log.info("ashpg: " + latest.describe());
    }
    // the goal prints the summary line after the tenants it lists
  }
}
