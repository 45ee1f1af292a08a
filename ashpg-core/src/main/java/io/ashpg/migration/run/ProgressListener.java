package io.ashpg.migration.run;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;

/**
 * Told about a tenant run's progress, from the worker threads (calls are serialised). The Maven plugin prints it;
 * {@link #logging(Duration)} writes it to the {@code io.ashpg.migration} logger.
 */
public interface ProgressListener {

  /**
   * Where a run stands.
   *
   * @param done tenants finished (including those that needed nothing)
   * @param total tenants in the run
   * @param failed tenants that failed so far
   * @param elapsed time since the run started
   */
  record Progress(int done, int total, int failed, Duration elapsed) {
    /** Tenants per second so far. */
    public double rate() {
      double s = elapsed.toNanos() / 1e9;
      return s <= 0 ? 0 : done / s;
    }

    /** e.g. {@code 40/100 tenants, 1 failed, 21.3 tenants/s}. */
    public String describe() {
      return String.format(Locale.ROOT, "%d/%d tenants, %d failed, %.1f tenants/s", done, total, failed, rate());
    }
  }

  /** The run starts: {@code total} tenants, of which {@code pending} need work. */
  default void started(int total, int pending) {
  }

  /** A tenant is finished. */
  default void tenantFinished(SchemaOutcome outcome, Progress progress) {
  }

  /** The run is finished. */
  default void finished(MigrationResult result) {
  }

  /** Does nothing. */
  static ProgressListener none() {
    return new ProgressListener() {
    };
  }

  /** Logs at INFO at most once per {@code interval} while running, each failure at once, and the end. */
  static ProgressListener logging(Duration interval) {
    System.Logger log = System.getLogger("io.ashpg.migration");
    return new ProgressListener() {
      private long last = System.nanoTime();

      @Override
      public void started(int total, int pending) {
        log.log(Level.INFO, "tenant run: " + total + " tenants, " + pending + " with work to do");
      }

      @Override
      public void tenantFinished(SchemaOutcome outcome, Progress progress) {
        long now = System.nanoTime();
        if (outcome.failed() || now - last >= interval.toNanos() || progress.done() == progress.total()) {
          last = now;
          log.log(Level.INFO, progress.describe());
        }
      }

      @Override
      public void finished(MigrationResult result) {
        log.log(result.succeeded() ? Level.INFO : Level.ERROR, "tenant run finished in " + result.elapsed().toMillis()
            + " ms: " + result.summary());
      }
    };
  }
}
