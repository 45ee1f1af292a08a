package io.ashpg.data;

import io.ashpg.sql.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the {@link StatementListener}s and the log about each statement. Logging is at DEBUG with the text and bind
 * count only; bind values are personal data more often than not, so they appear (at TRACE, and in events) only when
 * the data layer opted in ({@link DataLayer#withBindValues()}).
 */
final class StatementReporter {
  private static final System.Logger LOG = System.getLogger(DataLayer.class.getName());
  static final StatementReporter NONE = new StatementReporter(List.of(), false);

  private final List<StatementListener> listeners;
  private final boolean values;

  private StatementReporter(List<StatementListener> listeners, boolean values) {
    this.listeners = List.copyOf(listeners);
    this.values = values;
  }

  StatementReporter with(StatementListener listener) {
    List<StatementListener> copy = new ArrayList<>(listeners);
    copy.add(listener);
    return new StatementReporter(copy, values);
  }

  StatementReporter withValues() {
    return new StatementReporter(listeners, true);
  }

  /** Whether anyone is told: when not, statements are not even timed. */
  boolean active() {
    return !listeners.isEmpty() || LOG.isLoggable(System.Logger.Level.DEBUG);
  }

  void report(Sql sql, long nanos, long rows, StatementContext ctx, Throwable failure) {
    String resource = ctx.resource() == null ? null : ctx.resource().name();
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      log(sql, nanos, rows, ctx, resource, failure);
    }
    if (listeners.isEmpty()) {
      return;
    }
    StatementEvent event = new StatementEvent(sql.text(), sql.binds().size(), values ? sql.binds() : List.of(),
        Duration.ofNanos(nanos), failure == null ? rows : 0, Optional.ofNullable(resource), ctx.operation(),
        ctx.action(), ctx.tenant(), Optional.ofNullable(failure));
    for (StatementListener l : listeners) {
      try {
        l.onStatement(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "statement listener " + l + " failed; ignored", e);
      }
    }
  }

  private void log(Sql sql, long nanos, long rows, StatementContext ctx, String resource, Throwable failure) {
    String where = ctx.operation() + (resource == null ? "" : " of " + resource)
        + ctx.tenant().map(t -> ", tenant " + t).orElse("");
    String outcome = failure == null ? rows + " rows" : "failed: " + failure.getMessage();
    double millis = nanos / 1_000_000.0;
    if (values && LOG.isLoggable(System.Logger.Level.TRACE)) {
      LOG.log(System.Logger.Level.TRACE, "{0} ({1}) {2} binds {3}, {4} ms, {5}", sql.text(), where,
          sql.binds().size(), sql.binds(), String.format(java.util.Locale.ROOT, "%.3f", millis), outcome);
    } else {
      LOG.log(System.Logger.Level.DEBUG, "{0} ({1}) {2} binds, {3} ms, {4}", sql.text(), where, sql.binds().size(),
          String.format(java.util.Locale.ROOT, "%.3f", millis), outcome);
    }
  }
}
