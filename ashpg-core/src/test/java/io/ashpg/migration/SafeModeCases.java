package io.ashpg.migration;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Differ;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.OperationGraph;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Safe-mode cases, one per kind of operation safe mode rewrites, each on tables that exist and hold rows: base state,
 * target state, the rows to insert before migrating ({@code seed}) and queries that must count 0 afterwards
 * ({@code zero}). Rendered to {@code src/test/resources/golden-safe/<name>.sql} and run on PostgreSQL.
 */
final class SafeModeCases {

  /**
   * @param name   golden file name
   * @param base   state before the migration
   * @param target state after it
   * @param tenant render as tenant migration (tables in the tenant schema, unqualified)
   * @param seed   SQL inserting rows into the base tables (with the tenant schema first on the search path)
   * @param zero   queries that must return 0 after the migration
   */
  record Case(String name, List<TableSnapshot> base, List<TableSnapshot> target, boolean tenant, String seed,
      List<String> zero) {

    @Override
    public String toString() {
      return name;
    }

    List<Operation> operations() {
      return OperationGraph.order(new Differ(false).diff(Snap.set(base.toArray(TableSnapshot[]::new)),
          Snap.set(target.toArray(TableSnapshot[]::new)), NeverRename.INSTANCE));
    }

    /** The safe-mode files, with fixed versions. */
    List<MigrationFile> files() {
      return new MigrationWriter(tenant ? RenderContext.TENANT : RenderContext.GLOBAL, true)
          .write(operations(), name, GoldenCases.fixedClock());
    }

    /** Golden text: every file, each preceded by a {@code -- file:} line. */
    String golden() {
      StringBuilder sb = new StringBuilder();
      for (MigrationFile f : files()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append("-- file: ").append(f.fileName()).append('\n').append(f.text());
      }
      return sb.toString();
    }
  }

  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  private static void add(Case c) {
    CASES.put(c.name(), c);
  }

  static {
    // a foreign key on a table holding rows: added NOT VALID (SHARE ROW EXCLUSIVE on both tables for a moment, no
    // scan), validated in the follow-up file under SHARE UPDATE EXCLUSIVE / ROW SHARE, which let writes go on
    TableSnapshot authors = table("authors", uuidPk("id"), col("name", "text"));
    TableSnapshot posts = table("posts", uuidPk("id"), col("author_id", "uuid"));
    add(new Case("add_foreign_key", List.of(authors, posts),
        List.of(authors, posts.replaceAttribute(fk("author_id", "uuid", "posts", "authors"))), false,
        "INSERT INTO authors (id, name) SELECT gen_random_uuid(), 'a' || i FROM generate_series(1, 50) i;"
            + " INSERT INTO posts (id, author_id) SELECT gen_random_uuid(), id FROM authors;",
        List.of()));

    // a check constraint: NOT VALID, then VALIDATE CONSTRAINT
    TableSnapshot scores = table("scores", uuidPk("id"), col("points", "integer"));
    add(new Case("add_check", List.of(scores), List.of(scores.withCheckConstraints(List.of(
        new CheckConstraintSnapshot("points_not_negative", List.of("points"), "points >= 0", null)))), false,
        "INSERT INTO scores (id, points) SELECT gen_random_uuid(), i FROM generate_series(1, 100) i;", List.of()));

    // SET NOT NULL through a validated CHECK (title IS NOT NULL): the SET NOT NULL that follows needs no scan
    TableSnapshot notes = table("notes", uuidPk("id"), col("title", "text"), col("body", "text"));
    add(new Case("set_not_null", List.of(notes), List.of(notes.replaceAttribute(notNull("title", "text"))), false,
        "INSERT INTO notes (id, title) SELECT gen_random_uuid(), 't' || i FROM generate_series(1, 100) i;",
        List.of("SELECT count(*) FROM pg_constraint WHERE conname LIKE '%not_null_check'")));

    // indexes on a table holding rows: an identity's unique index, a custom index, and the index of a new foreign key
    // column, each CONCURRENTLY in the no-transaction file, after dropping an INVALID leftover of the same name
    TableSnapshot users = table("users", uuidPk("id"), col("email", "text"), col("org_id", "uuid"));
    TableSnapshot orgs = table("orgs", uuidPk("id"));
    var orgRef = fk("org_id", "uuid", "users", "orgs");
    add(new Case("add_index", List.of(orgs, users), List.of(orgs, users
        .replaceAttribute(orgRef.withReferences(orgRef.references().withIndex(true, null)))
        .withIdentities(List.of(identity("users", "unique_email", "email")))
        .withCustomIndexes(List.of(CustomIndexSnapshot.on("email", "id")))), false,
        "INSERT INTO orgs (id) SELECT gen_random_uuid() FROM generate_series(1, 10);"
            + " INSERT INTO users (id, email, org_id) SELECT gen_random_uuid(), 'u' || i, NULL"
            + " FROM generate_series(1, 200) i;",
        List.of("SELECT count(*) FROM pg_index WHERE NOT indisvalid")));

    // columns with volatile defaults: added without the default (no rewrite), SET DEFAULT for new rows, existing rows
    // backfilled in batches; the NOT NULL one constrained through the check afterwards. A stable default (now()) is
    // added as it is: PostgreSQL stores it once and rewrites nothing.
    TableSnapshot events = table("events", uuidPk("id"), col("kind", "text"));
    add(new Case("add_volatile_default_column", List.of(events), List.of(events
        .withAttribute(notNull("token", "uuid").withDefault("gen_random_uuid()"))
        .withAttribute(col("seen_at", "timestamptz").withDefault("clock_timestamp()"))
        .withAttribute(notNull("created_at", "timestamptz").withDefault("now()"))), false,
        "INSERT INTO events (id, kind) SELECT gen_random_uuid(), 'k' || i FROM generate_series(1, 3000) i;",
        List.of("SELECT count(*) FROM events WHERE token IS NULL OR seen_at IS NULL",
            "SELECT count(*) - count(DISTINCT token) FROM events")));

    // a table created in the same migration is empty: plain forms, also for the FK to an existing table
    add(new Case("new_table_plain", List.of(authors), List.of(authors, table("comments", uuidPk("id"),
        fk("author_id", "uuid", "comments", "authors"), notNull("body", "text"))
        .withIdentities(List.of(identity("comments", "unique_body", "body")))), false,
        "INSERT INTO authors (id, name) SELECT gen_random_uuid(), 'a' || i FROM generate_series(1, 10) i;",
        List.of()));

    // tenant migrations: the same forms with unqualified names (search_path is the tenant's schema)
    MultitenancySnapshot context = new MultitenancySnapshot("context", null, false);
    TableSnapshot tasks = table("tasks", uuidPk("id"), col("title", "text")).withMultitenancy(context);
    add(new Case("tenant_not_null_and_index", List.of(tasks), List.of(tasks
        .replaceAttribute(notNull("title", "text"))
        .withCustomIndexes(List.of(CustomIndexSnapshot.on("title")))), true,
        "INSERT INTO tasks (id, title) SELECT gen_random_uuid(), 't' || i FROM generate_series(1, 100) i;",
        List.of("SELECT count(*) FROM pg_index WHERE NOT indisvalid")));
  }

  private SafeModeCases() {
  }

  /** Every case, in a fixed order. */
  static List<Case> all() {
    return List.copyOf(CASES.values());
  }
}
