package io.ashpg.data;

/**
 * Told about every statement a {@link DataLayer} runs, after it ran (or failed): for metrics, statement counting in
 * tests, slow-query logs. Register with {@link DataLayer#withListener}.
 *
 * <pre>{@code
 * List<StatementEvent> seen = new CopyOnWriteArrayList<>();
 * DataLayer dl = DataLayer.of(domain, dataSource).withListener(seen::add);
 * dl.read(Query.of(POST).load("comments"));
 * assert seen.size() == 2; // the posts, then all their comments in one statement
 * }</pre>
 *
 * <p>Called on the thread that ran the statement, inside the operation (and its transaction, if any), so keep it
 * short. An exception it throws is logged at WARNING and otherwise ignored: a broken metric must not fail a write
 * that succeeded.
 */
@FunctionalInterface
public interface StatementListener {

  /** One statement ran (see {@link StatementEvent#failure()} for whether it succeeded). */
  void onStatement(StatementEvent event);
}
