package io.ashpg.migration.introspect;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static io.ashpg.migration.introspect.CatalogDifference.Kind.DIFFERENT;
import static io.ashpg.migration.introspect.CatalogDifference.Kind.MISSING;
import static io.ashpg.migration.introspect.CatalogDifference.Kind.UNEXPECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle catches wrong migrations: a declared state, hand-written DDL that implements it exactly, and for each
 * case the same DDL with one deliberate mistake. The oracle must report exactly the difference the mistake makes,
 * naming table, object and field.
 */
@WithPostgres
class SeededWrongMigrationTest {

  /** The declared state. */
  static final List<TableSnapshot> DECLARED;

  static {
    TableSnapshot authors = table("authors", uuidPk("id"), notNull("email", "text"), notNull("ext_id", "uuid"),
        col("code", "varchar").withSize(20))
        .withIdentities(List.of(identity("authors", "unique_email", "email"),
            identity("authors", "unique_ext_id", "ext_id")));
    AttributeSnapshot authorId = fk("author_id", "uuid", "posts", "authors");
    authorId = authorId.withReferences(authorId.references().withOnDelete("delete", null).withIndex(true, null));
    AttributeSnapshot editorId = fk("editor_id", "uuid", "posts", "authors");
    editorId = editorId.withReferences(editorId.references().withDeferrable(Deferrable.IMMEDIATE));
    TableSnapshot posts = table("posts", uuidPk("id"), notNull("title", "varchar").withSize(40),
        col("slug", "text"), col("price", "numeric").withPrecisionScale(10, 2).withDefault("0"),
        col("status", "text").withDefault("'draft'"), authorId, editorId, col("tags", "text[]"),
        col("deleted_at", "timestamp"),
        notNull("inserted_at", "timestamp(0)").withDefault("(now() AT TIME ZONE 'utc')"))
        .withIdentities(List.of(identity("posts", "unique_slug", "slug").withNullsDistinct(false)))
        .withCustomIndexes(List.of(
            CustomIndexSnapshot.on("title").withUnique(true).withWhere("deleted_at IS NULL")
                .withName("posts_title_active_index"),
            index("posts_author_recent_index", IndexField.column("author_id"),
                IndexField.directed("inserted_at", "desc")).withInclude(List.of("title")),
            CustomIndexSnapshot.on("tags").withUsing("gin"),
            index("posts_lower_title_index", IndexField.expression("lower(title)"))))
        .withCheckConstraints(List.of(new CheckConstraintSnapshot("price_positive", List.of("price"), "price > 0",
            null)));
    DECLARED = List.of(authors, posts);
  }

  private static CustomIndexSnapshot index(String name, IndexField... fields) {
    return new CustomIndexSnapshot(List.of(fields), name, false, false, null, null, null, null, true, null, false,
        null, true);
  }

  /** Hand-written DDL that is exactly {@link #DECLARED}. */
  static final String CORRECT = """
      CREATE TABLE authors (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        email text NOT NULL,
        ext_id uuid NOT NULL,
        code varchar(20),
        CONSTRAINT authors_pkey PRIMARY KEY (id)
      );
      CREATE UNIQUE INDEX authors_unique_email_index ON authors (email);
      CREATE UNIQUE INDEX authors_unique_ext_id_index ON authors (ext_id);
      CREATE TABLE posts (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        title varchar(40) NOT NULL,
        slug text,
        price numeric(10,2) DEFAULT 0,
        status text DEFAULT 'draft',
        author_id uuid,
        editor_id uuid,
        tags text[],
        deleted_at timestamp,
        inserted_at timestamp(0) DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
        CONSTRAINT posts_pkey PRIMARY KEY (id),
        CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE,
        CONSTRAINT posts_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES authors(id) DEFERRABLE INITIALLY IMMEDIATE
      );
      CREATE INDEX posts_author_id_index ON posts (author_id);
      CREATE UNIQUE INDEX posts_unique_slug_index ON posts (slug) NULLS NOT DISTINCT;
      CREATE UNIQUE INDEX posts_title_active_index ON posts (title) WHERE deleted_at IS NULL;
      CREATE INDEX posts_author_recent_index ON posts (author_id, inserted_at DESC) INCLUDE (title);
      CREATE INDEX posts_tags_index ON posts USING gin (tags);
      CREATE INDEX posts_lower_title_index ON posts (lower(title));
      ALTER TABLE posts ADD CONSTRAINT price_positive CHECK (price > 0);
      """;

  /**
   * One deliberate mistake: {@code wrong} replaces {@code right} (which occurs exactly once) in {@link #CORRECT}.
   *
   * @param expected the differences the oracle must report, and no others
   */
  record Seed(String name, String right, String wrong, List<CatalogDifference> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static CatalogDifference field(String table, String object, String field, String expected, String actual) {
    return new CatalogDifference(DIFFERENT, "public", table, object, field, expected, actual);
  }

  static Stream<Seed> seeds() {
    return Stream.of(
        new Seed("wrong ON DELETE", "ON DELETE CASCADE", "ON DELETE SET NULL",
            List.of(field("posts", "foreign key posts_author_id_fkey", "on delete", "CASCADE", "SET NULL"))),
        new Seed("missing partial-index WHERE", " WHERE deleted_at IS NULL", "",
            List.of(field("posts", "index posts_title_active_index", "predicate", "deleted_at IS NULL", "none"))),
        new Seed("wrong check text", "CHECK (price > 0)", "CHECK (price >= 0)",
            List.of(field("posts", "check constraint price_positive", "expression", "price > 0::numeric",
                "price >= 0::numeric"))),
        new Seed("wrong default value", "DEFAULT 'draft'", "DEFAULT 'drafted'",
            List.of(field("posts", "column status", "default", "'draft'::text", "'drafted'::text"))),
        new Seed("wrong numeric typmod", "numeric(10,2)", "numeric(12,2)",
            List.of(field("posts", "column price", "type", "numeric(10,2)", "numeric(12,2)"))),
        new Seed("wrong varchar typmod", "title varchar(40)", "title varchar(20)",
            List.of(field("posts", "column title", "type", "character varying(40)", "character varying(20)"))),
        new Seed("wrong index column order", "(author_id, inserted_at DESC)", "(inserted_at DESC, author_id)",
            List.of(field("posts", "index posts_author_recent_index", "keys", "(\"author_id\", \"inserted_at\" DESC)",
                "(\"inserted_at\" DESC, \"author_id\")"))),
        new Seed("missing INCLUDE", " INCLUDE (title)", "",
            List.of(field("posts", "index posts_author_recent_index", "include", "(title)", "()"))),
        new Seed("wrong NOT NULL", "email text NOT NULL", "email text",
            List.of(field("authors", "column email", "not null", "true", "false"))),
        new Seed("wrong FK target column", "REFERENCES authors(id) DEFERRABLE", "REFERENCES authors(ext_id) DEFERRABLE",
            List.of(field("posts", "foreign key posts_editor_id_fkey", "referenced columns", "(id)", "(ext_id)"))),
        new Seed("missing DEFERRABLE", " DEFERRABLE INITIALLY IMMEDIATE", "",
            List.of(field("posts", "foreign key posts_editor_id_fkey", "deferrable", "true", "false"))),
        new Seed("wrong index method", "USING gin (tags)", "USING btree (tags)",
            List.of(field("posts", "index posts_tags_index", "method", "gin", "btree"))),
        new Seed("wrong DESC", "inserted_at DESC)", "inserted_at)",
            List.of(field("posts", "index posts_author_recent_index", "keys", "(\"author_id\", \"inserted_at\" DESC)",
                "(\"author_id\", \"inserted_at\")"))),
        new Seed("missing NULLS NOT DISTINCT", "(slug) NULLS NOT DISTINCT", "(slug)",
            List.of(field("posts", "index posts_unique_slug_index", "nulls not distinct", "true", "false"))),
        new Seed("wrong expression index", "(lower(title))", "(upper(title))",
            List.of(field("posts", "index posts_lower_title_index", "keys", "(lower(title::text))",
                "(upper(title::text))"))),
        new Seed("extra column", "code varchar(20),", "code varchar(20), legacy text,",
            List.of(new CatalogDifference(UNEXPECTED, "public", "authors", "column legacy", null, null, "text"))),
        new Seed("missing index", "CREATE UNIQUE INDEX authors_unique_ext_id_index ON authors (ext_id);", "",
            List.of(new CatalogDifference(MISSING, "public", "authors", "index authors_unique_ext_id_index", null,
                "UNIQUE btree (\"ext_id\")", null))));
  }

  private final TestDatabase db;

  SeededWrongMigrationTest(TestDatabase db) {
    this.db = db;
  }

  private static void recreate(Connection c, String ddl) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      s.execute(ddl);
    }
  }

  @Test
  void theCorrectDdlMatches() throws SQLException {
    try (Connection c = db.connect()) {
      recreate(c, CORRECT);
      assertThat(CatalogOracle.on(c).differences(DECLARED)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void theOracleNamesTheMistake(Seed seed) throws SQLException {
    assertThat(CORRECT.split(java.util.regex.Pattern.quote(seed.right()), -1)).as("'%s' occurs once", seed.right())
        .hasSize(2);
    try (Connection c = db.connect()) {
      recreate(c, CORRECT.replace(seed.right(), seed.wrong()));
      assertThat(CatalogOracle.on(c).differences(DECLARED)).containsExactlyElementsOf(seed.expected());
    }
  }

  @Test
  void differencesReadAsTableObjectFieldExpectedActual() throws SQLException {
    try (Connection c = db.connect()) {
      recreate(c, CORRECT.replace("ON DELETE CASCADE", "ON DELETE SET NULL")
          + "CREATE TABLE stray (x int); CREATE INDEX posts_by_hand ON posts (slug);");
      List<String> messages = CatalogOracle.on(c).differences(DECLARED).stream().map(Object::toString).toList();
      assertThat(messages).containsExactly(
          "public.posts: index posts_by_hand: not declared (found btree (\"slug\"))",
          "public.posts: foreign key posts_author_id_fkey: on delete: expected CASCADE but was SET NULL",
          "public.stray: not declared");
      assertThatThrownBy(() -> CatalogOracle.on(c).assertMatches("after up", DECLARED))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("after up (3 differences)")
          .hasMessageContaining("  - public.posts: foreign key posts_author_id_fkey: on delete: expected CASCADE");
    }
  }

  @Test
  void ignoredObjectsAreNotReportedAsUnexpected() throws SQLException {
    try (Connection c = db.connect()) {
      recreate(c, CORRECT + "CREATE TABLE stray (x int); CREATE INDEX posts_by_hand ON posts (slug);");
      assertThat(CatalogOracle.on(c).ignoringTable("public", "stray").ignoringObject("public", "posts", "posts_by_hand")
          .differences(DECLARED)).isEmpty();
      // ignoring is only about extra objects: a declared table is still compared
      assertThat(CatalogOracle.on(c).ignoringTable("public", "posts").differences(DECLARED.subList(0, 1)))
          .containsExactly(new CatalogDifference(UNEXPECTED, "public", "stray", "table", null, null, null));
    }
  }

  @Test
  void missingTableAndMissingExtensionAreReported() throws SQLException {
    try (Connection c = db.connect()) {
      recreate(c, CORRECT.substring(0, CORRECT.indexOf("CREATE TABLE posts")));
      assertThat(CatalogOracle.on(c).extensions(List.of("no_such_extension")).differences(DECLARED)).containsExactly(
          new CatalogDifference(MISSING, "public", null, "extension no_such_extension", null, null, null),
          new CatalogDifference(MISSING, "public", "posts", "table", null, null, null));
    }
  }

  @Test
  void aDeclarationPostgresRejectsIsNamed() throws SQLException {
    TableSnapshot broken = table("things", uuidPk("id"), col("n", "integer").withDefault("nonsense("));
    try (Connection c = db.connect()) {
      assertThatThrownBy(() -> CatalogOracle.on(c).differences(List.of(broken)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("public.things: columns: PostgreSQL rejects the declaration")
          .hasMessageContaining("DEFAULT nonsense(");
      // the scratch work was rolled back: nothing is left behind
      assertThat(CatalogReader.of(c).userSchemas()).allMatch(s -> !s.startsWith("ashpg_declared_"));
    }
  }
}
