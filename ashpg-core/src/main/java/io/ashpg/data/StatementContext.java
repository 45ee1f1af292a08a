package io.ashpg.data;

import io.ashpg.resource.Resource;
import java.util.Optional;

/**
 * What the data layer is doing when it runs a statement: reported with it to listeners and in the log.
 *
 * @param operation see {@link StatementEvent#operation()}
 * @param resource  the resource, or null for transaction bookkeeping
 * @param action    the named action, if any
 * @param tenant    the tenant, if any
 */
record StatementContext(String operation, Resource resource, Optional<String> action, Optional<String> tenant) {
  static final StatementContext TRANSACTION = new StatementContext("transaction", null, Optional.empty(),
      Optional.empty());

  static StatementContext of(String operation, Resource resource, Optional<String> tenant) {
    return new StatementContext(operation, resource, Optional.empty(), tenant);
  }

  /** The context of reading {@code q} as {@code operation}. */
  static StatementContext of(String operation, Query q) {
    return new StatementContext(operation, q.resource(), q.action(), q.tenant());
  }

  StatementContext withOperation(String other) {
    return new StatementContext(other, resource, action, tenant);
  }
}
