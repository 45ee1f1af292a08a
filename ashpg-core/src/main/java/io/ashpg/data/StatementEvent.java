package io.ashpg.data;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement a {@link DataLayer} ran, as told to its {@link StatementListener}s.
 *
 * @param sql       the statement text, with {@code ?} placeholders (values are never part of it)
 * @param bindCount how many values were bound
 * @param binds     the bound values as sent to the driver, only when the data layer opted in with
 *                  {@link DataLayer#withBindValues()} (they may be personal data); empty otherwise
 * @param duration  from sending the statement to having read its whole result
 * @param rows      rows read (queries, {@code RETURNING}) or written (updates, deletes, COPY); 0 when it failed
 * @param resource  the resource whose table the statement reads or writes; empty for transaction bookkeeping
 *                  ({@code set_config} of the statement timeout or search path)
 * @param operation what the data layer was doing: {@code read}, {@code count}, {@code load}, {@code create},
 *                  {@code upsert}, {@code update}, {@code destroy}, {@code bulk_create}, {@code bulk_update},
 *                  {@code bulk_destroy} or {@code transaction}
 * @param action    the resource action named on the query ({@link Query#forAction}), if any
 * @param tenant    the tenant the statement ran for, if any
 * @param failure   the error the statement failed with (as thrown by the driver), if it failed
 */
public record StatementEvent(String sql, int bindCount, List<Object> binds, Duration duration, long rows,
                             Optional<String> resource, String operation, Optional<String> action,
                             Optional<String> tenant, Optional<Throwable> failure) {
  public StatementEvent {
    Objects.requireNonNull(sql, "sql");
    binds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(binds));
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether the statement succeeded. */
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
