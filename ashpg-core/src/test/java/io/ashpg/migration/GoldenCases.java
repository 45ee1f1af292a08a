package io.ashpg.migration;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.expr;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Differ;
import io.ashpg.migration.diff.HintRenameDecider;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.OperationGraph;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.migration.snapshot.VersionClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden migration cases: a base state, a target state, and how to get from one to the other. Each case is
 * rendered to {@code src/test/resources/golden/<name>.sql} and applied to a real database.
 */
public final class GoldenCases {

  /**
   * @param name        golden file name
   * @param setup       global tables that must exist first (for tenant cases)
   * @param base        state before the migration
   * @param target      state after it
   * @param tenant      render as tenant migration
   * @param renames     rename hints
   * @param dropColumns drop removed columns
   */
  public record Case(String name, List<TableSnapshot> setup, List<TableSnapshot> base, List<TableSnapshot> target,
      boolean tenant, List<String> renames, boolean dropColumns) {

    @Override
    public String toString() {
      return name;
    }

    /** The ordered operations from base to target. */
    public List<Operation> operations() {
      List<Operation> ops = new Differ(dropColumns).diff(Snap.set(base.toArray(TableSnapshot[]::new)),
          Snap.set(target.toArray(TableSnapshot[]::new)), new HintRenameDecider(renames));
      return OperationGraph.order(ops);
    }

    /** The migration files, with fixed versions. */
    public List<MigrationFile> files() {
      return new MigrationWriter(tenant ? RenderContext.TENANT : RenderContext.GLOBAL)
          .write(operations(), name, fixedClock());
    }

    /** Golden text: every file, each preceded by a {@code -- file:} line. */
    public String golden() {
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

  public static VersionClock fixedClock() {
    return new VersionClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
  }

  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  private static void add(String name, List<TableSnapshot> base, List<TableSnapshot> target) {
    CASES.put(name, new Case(name, List.of(), base, target, false, List.of(), false));
  }

  private static void add(Case c) {
    CASES.put(c.name(), c);
  }

  private static CustomIndexSnapshot index(List<IndexField> fields, String name) {
    return new CustomIndexSnapshot(fields, name, false, false, null, null, null, null, true, null, false, null,
        true);
  }

  private static AttributeSnapshot pk(String name, String type, String dflt) {
    return new AttributeSnapshot(name, type, null, null, null, dflt, false, true, true, null);
  }

  static {
    // 1. initial create: identities, expression / directed / covering custom indexes, inline FK
    TableSnapshot authors = table("authors", uuidPk("id"), notNull("name", "text"), col("email", "text"),
        col("bio", "text"))
        .withIdentities(List.of(identity("authors", "unique_email", "email")))
        .withCustomIndexes(List.of(index(List.of(expr("lower(name)")), "authors_lower_name_index")));
    AttributeSnapshot authorId = fk("author_id", "uuid", "posts", "authors");
    authorId = authorId.withReferences(authorId.references().withOnDelete("delete", null));
    TableSnapshot posts = table("posts", uuidPk("id"), notNull("title", "text"), authorId,
        notNull("inserted_at", "timestamp(0)").withDefault("(now() AT TIME ZONE 'utc')"))
        .withIdentities(List.of(identity("posts", "unique_title", "title")))
        .withCustomIndexes(List.of(index(List.of(IndexField.column("author_id"),
            IndexField.directed("inserted_at", "desc")), null).withInclude(List.of("title"))));
    add("initial_create", List.of(), List.of(authors, posts));

    // 2. schema + partial identity with NULLS NOT DISTINCT
    TableSnapshot articles = table("blog", "articles", uuidPk("id"), notNull("slug", "text"),
        col("deleted_at", "timestamp"))
        .withIdentities(List.of(identity("articles", "unique_slug", "slug").withWhere("deleted_at IS NULL")
            .withNullsDistinct(false)));
    add("schema_partial_identity", List.of(), List.of(articles));

    // 3. a concurrently built index goes to its own no-transaction file
    TableSnapshot docs = table("docs", uuidPk("id"), col("title", "text"));
    TableSnapshot docs2 = docs.withAttribute(col("body", "text"))
        .withCustomIndexes(List.of(CustomIndexSnapshot.on("title").withConcurrently(true)));
    add("concurrent_index", List.of(docs), List.of(docs2));

    // 4. attribute rename (with a hint) plus a nullability change of the renamed column
    TableSnapshot notes = table("notes", uuidPk("id"), notNull("title", "text"));
    TableSnapshot notes2 = table("notes", uuidPk("id"), col("headline", "text"));
    add(new Case("attribute_rename", List.of(), List.of(notes), List.of(notes2), false,
        List.of("notes.title:headline"), false));

    // 5. identity whose index name alone changed
    TableSnapshot users = table("users", uuidPk("id"), col("email", "text"))
        .withIdentities(List.of(identity("users", "unique_email", "email")));
    TableSnapshot users2 = users.withIdentities(List.of(identity("users", "unique_email", "email")
        .withIndexName("users_email_key_index")));
    add("identity_rename", List.of(users), List.of(users2));

    // 6. references: composite match_with + MATCH FULL, index?, nilify columns, deferrable, on update
    TableSnapshot orgs = table("orgs", uuidPk("id"), notNull("name", "text"));
    AttributeSnapshot memberOrg = fk("org_id", "uuid", "members", "orgs").withAllowNil(false);
    memberOrg = memberOrg.withReferences(memberOrg.references().withOnDelete("delete", null).withIndex(true, null));
    TableSnapshot members = table("members", uuidPk("id"), memberOrg)
        .withIdentities(List.of(identity("members", "unique_id_org", "id", "org_id")));
    AttributeSnapshot docOrg = fk("org_id", "uuid", "papers", "orgs");
    AttributeSnapshot docAuthor = fk("author_id", "uuid", "papers", "members");
    docAuthor = docAuthor.withReferences(docAuthor.references().withMatch(Map.of("org_id", "org_id"), "full")
        .withOnUpdate("update").withIndex(true, "not_nil").withDestination("id", false));
    AttributeSnapshot reviewer = fk("reviewer_id", "uuid", "papers", "members");
    reviewer = reviewer.withReferences(reviewer.references().withOnDelete("nilify", List.of("reviewer_id"))
        .withDeferrable(Deferrable.DEFERRED));
    TableSnapshot papers = table("papers", uuidPk("id"), docOrg, docAuthor, reviewer);
    add("references", List.of(), List.of(orgs, members, papers));

    // 7. modifying a reference: on_delete changed (drop + add) and index added; deferrability alone altered
    TableSnapshot writers = table("writers", uuidPk("id"));
    TableSnapshot books = table("books", uuidPk("id"), fk("writer_id", "uuid", "books", "writers"),
        fk("editor_id", "uuid", "books", "writers"));
    AttributeSnapshot w2 = fk("writer_id", "uuid", "books", "writers");
    w2 = w2.withReferences(w2.references().withOnDelete("delete", null).withIndex(true, null));
    AttributeSnapshot e2 = fk("editor_id", "uuid", "books", "writers");
    e2 = e2.withReferences(e2.references().withDeferrable(Deferrable.IMMEDIATE));
    TableSnapshot books2 = table("books", uuidPk("id"), w2, e2);
    add("modify_reference", List.of(writers, books), List.of(writers, books2));

    // 8. check constraints with a base filter; a changed check is dropped and re-added; a custom statement
    String filter = "archived_at IS NULL";
    TableSnapshot products = table("products", uuidPk("id"), new AttributeSnapshot("price", "numeric", null, 10, 2,
        null, true, false, false, null), col("archived_at", "timestamp")).withBaseFilter(filter)
        .withCheckConstraints(List.of(new CheckConstraintSnapshot("price_positive", List.of("price"), "price > 0",
            filter)));
    TableSnapshot products2 = products.withAttribute(col("name", "text"))
        .withCheckConstraints(List.of(
            new CheckConstraintSnapshot("price_positive", List.of("price"), "price >= 0", filter),
            new CheckConstraintSnapshot("name_present", List.of("name"), "name <> ''", null)))
        .withCustomStatements(List.of(new CustomStatementSnapshot("comment",
            "COMMENT ON TABLE \"products\" IS 'things we sell'", "COMMENT ON TABLE \"products\" IS NULL", false,
            List.of())));
    add("check_constraints", List.of(products), List.of(products2));

    // 9. primary key change: a column joins the key
    TableSnapshot revisions = table("revisions", uuidPk("id"), col("body", "text"));
    TableSnapshot revisions2 = table("revisions", uuidPk("id"),
        new AttributeSnapshot("version", "bigint", null, null, null, "1", false, false, true, null),
        col("body", "text"));
    add("primary_key_change", List.of(revisions), List.of(revisions2));

    // 10. types, defaults and generated ids
    TableSnapshot counters = table("counters", pk("id", "bigserial", null),
        notNull("amount", "numeric").withPrecisionScale(10, 2).withDefault("0"),
        col("tags", "text[]").withDefault("ARRAY[]::text[]"),
        notNull("happened_at", "timestamp(0)").withDefault("(now() AT TIME ZONE 'utc')"),
        notNull("flag", "boolean").withDefault("false"),
        col("data", "jsonb").withDefault("'{}'::jsonb"),
        col("code", "varchar").withSize(20).withDefault("'x'"),
        col("ratio", "float8"), col("born", "date"), col("at_usec", "timestamp"),
        col("seen_at", "timestamptz").withDefault("now()"), col("starts", "time(0)"), col("raw", "bytea"));
    TableSnapshot tickets = table("tickets", pk("id", "identity", null), notNull("subject", "text"));
    add("types_defaults", List.of(), List.of(counters, tickets));

    // 11. altering columns: type, default, nullability, precision
    TableSnapshot items = table("items", uuidPk("id"), notNull("qty", "bigint").withDefault("0"),
        col("note", "text"), col("price", "numeric").withPrecisionScale(8, 2));
    TableSnapshot items2 = table("items", uuidPk("id"), col("qty", "integer"),
        notNull("note", "text").withDefault("''"), col("price", "numeric").withPrecisionScale(10, 2));
    add("alter_columns", List.of(items), List.of(items2));

    // 11b. generated keys: bigserial to a plain bigint with a default and back, bigint to identity, identity to
    // bigserial (the old generator and its sequence go, the new one continues past the existing rows)
    add("generated_columns", List.of(
            table("orders", pk("id", "bigserial", null)), table("invoices", pk("id", "bigint", null)),
            table("receipts", pk("id", "identity", null)), table("parcels", pk("id", "bigserial", null))),
        List.of(table("orders", pk("id", "bigint", "0")), table("invoices", pk("id", "identity", null)),
            table("receipts", pk("id", "bigserial", null)), table("parcels", pk("id", "serial", null))));

    // 12. drop, rename and move tables (hints decide)
    TableSnapshot a = table("a", uuidPk("id"));
    TableSnapshot b = table("b", uuidPk("id"), fk("a_id", "uuid", "b", "a"));
    TableSnapshot c = table("c", uuidPk("id"), col("label", "text"));
    TableSnapshot d = table("d", uuidPk("id"), fk("a_id", "uuid", "d", "a"), col("code", "text"))
        .withIdentities(List.of(identity("d", "unique_code", "code")));
    add(new Case("drop_rename_move_table", List.of(), List.of(a, b, c, d),
        List.of(a, b.withSchema("archive"), c.withTable("c2")), false, List.of("b:archive.b", "c:c2", "d:-"),
        false));

    // 13. tenant migration: unqualified tenant tables, global table referenced as "public"."orgs"
    MultitenancySnapshot context = new MultitenancySnapshot("context", null, false);
    TableSnapshot globalOrgs = table("orgs", uuidPk("id"));
    TableSnapshot projects = table("projects", uuidPk("id"), fk("org_id", "uuid", "projects", "orgs"),
        col("name", "text")).withMultitenancy(context);
    AttributeSnapshot projectId = fk("project_id", "uuid", "tasks", "projects").withAllowNil(false);
    projectId = projectId.withReferences(projectId.references().withMultitenancy(context)
        .withOnDelete("delete", null));
    TableSnapshot tasks = table("tasks", uuidPk("id"), projectId, notNull("title", "text"))
        .withMultitenancy(context)
        .withIdentities(List.of(identity("tasks", "unique_title", "project_id", "title")));
    add(new Case("tenant", List.of(globalOrgs), List.of(), List.of(projects, tasks), true, List.of(), false));

    // 14. two new tables with FKs both ways: one inline, one added after both exist
    TableSnapshot teams = table("teams", uuidPk("id"), fk("captain_id", "uuid", "teams", "players"));
    TableSnapshot players = table("players", uuidPk("id"), fk("team_id", "uuid", "players", "teams"));
    add("fks_both_ways", List.of(), List.of(teams, players));

    // 15. self-reference to an identity column: unique index before the FK (AshPostgres #236)
    AttributeSnapshot parent = col("parent_code", "text").withReferences(
        ReferenceSnapshot.to("categories_parent_code_fkey", "categories", "code").withDestination("code", false));
    TableSnapshot categories = table("categories", uuidPk("id"), notNull("code", "text"), parent)
        .withIdentities(List.of(identity("categories", "unique_code", "code")));
    add("self_fk_identity", List.of(), List.of(categories));

    // 16./17. removed columns: commented out by default, dropped (with their FK and index) with dropColumns
    AttributeSnapshot ownerId = fk("owner_id", "uuid", "pages", "owners");
    ownerId = ownerId.withReferences(ownerId.references().withIndex(true, null));
    TableSnapshot owners = table("owners", uuidPk("id"));
    TableSnapshot pages = table("pages", uuidPk("id"), col("title", "text"), ownerId, col("legacy", "text"));
    TableSnapshot pages2 = table("pages", uuidPk("id"), col("title", "text"));
    add(new Case("remove_columns_commented", List.of(), List.of(owners, pages), List.of(owners, pages2), false,
        List.of(), false));
    add(new Case("remove_columns_dropped", List.of(), List.of(owners, pages), List.of(owners, pages2), false,
        List.of(), true));
  }

  /** Every case, in a fixed order. */
  public static List<Case> all() {
    return new ArrayList<>(CASES.values());
  }

  public static Case get(String name) {
    return CASES.get(name);
  }

  private GoldenCases() {
  }
}
