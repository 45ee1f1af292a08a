package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GeneratorOptions#concurrentIndexes()} (AshPostgres's {@code --concurrent-indexes}), generated and then
 * applied, rolled back and applied again by the migrator on PostgreSQL, public and tenant schemas alike.
 */
@WithPostgres
class ConcurrentIndexesTest {

  private static final List<String> TENANTS = List.of("conc_a", "conc_b");
  private static final MultitenancySnapshot CONTEXT = new MultitenancySnapshot("context", null, false);

  private final TestDatabase db;
  @TempDir
  Path project;
  private GeneratorOptions options;
  private MigrationGenerator generator;

  ConcurrentIndexesTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void setUp() {
    // the tests share the class's database and the fixed clock's versions: each starts from an empty one
    Db.exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS conc_a CASCADE;"
        + " DROP SCHEMA IF EXISTS conc_b CASCADE");
    options = GeneratorOptions.defaults(project).withQuiet(true);
    generator = new MigrationGenerator(GoldenCases.fixedClock());
  }

  private final TableSnapshot authors = table("authors", uuidPk("id"), col("email", "text"));
  private final TableSnapshot posts = table("posts", uuidPk("id"), col("title", "text"));
  private final TableSnapshot tasks = table("tasks", uuidPk("id"), col("code", "text")).withMultitenancy(CONTEXT);

  /** The second state: identities on the existing tables, an FK to the new unique column, a new table. */
  private List<RepoSnapshots> withIdentities() {
    TableSnapshot uniqueAuthors = authors.withIdentities(List.of(identity("authors", "unique_email", "email")));
    TableSnapshot postsByEmail = posts.withAttribute(col("author_email", "text")
        .withReferences(ReferenceSnapshot.to("posts_author_email_fkey", "authors", "email")));
    TableSnapshot tags = table("tags", uuidPk("id"), col("name", "text"))
        .withIdentities(List.of(identity("tags", "unique_name", "name")));
    TableSnapshot uniqueTasks = tasks.withIdentities(List.of(identity("tasks", "unique_code", "code")));
    return List.of(new RepoSnapshots(REPO, List.of(uniqueAuthors, postsByEmail, tags, uniqueTasks), null));
  }

  private void migrate() {
    GeneratedMigrations.migrate(db, options, REPO, TENANTS);
  }

  /** Whether the index exists and PostgreSQL considers it valid (a failed concurrent build leaves it invalid). */
  private boolean validIndex(String schema, String index) {
    return Db.count(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relname = '"
        + index + "' AND i.indisvalid AND i.indisunique") == 1;
  }

  private boolean constraintExists(String name) {
    return Db.count(db, "SELECT count(*) FROM pg_constraint WHERE conname = '" + name + "'") == 1;
  }

  private static String name(GeneratedFile f) {
    return f.path().getFileName().toString().substring(15);
  }

  @Test
  void identityIndexesOnExistingTablesAreBuiltConcurrentlyInTheirOwnMigrationAndRollBack() {
    generator.generate(List.of(new RepoSnapshots(REPO, List.of(authors, posts, tasks), null)), options);
    migrate();
    Db.exec(db, "INSERT INTO public.authors (email) VALUES ('a@example.com'), ('b@example.com');"
        + " INSERT INTO conc_a.tasks (code) VALUES ('x'), ('y')");

    GenerationResult r = generator.generate(withIdentities(), options.withName("identities")
        .withConcurrentIndexes(true));
    List<GeneratedFile> pub = r.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION).toList();
    assertThat(pub).extracting(ConcurrentIndexesTest::name).containsExactly("identities.sql",
        "identities_concurrently.sql", "identities_after_concurrently.sql");
    // the new table is empty: its index is built with it, in the transaction
    assertThat(pub.get(0).content()).contains("CREATE TABLE \"tags\"")
        .contains("CREATE UNIQUE INDEX \"tags_unique_name_index\"").doesNotContain("CONCURRENTLY")
        .doesNotContain("authors_unique_email_index").doesNotContain("FOREIGN KEY");
    assertThat(pub.get(1).content()).startsWith(MigrationWriter.NO_TRANSACTION + "\n" + MigrationWriter.UP + "\n")
        .contains("CREATE UNIQUE INDEX CONCURRENTLY \"authors_unique_email_index\" ON \"authors\" (\"email\");")
        .contains(MigrationWriter.DOWN + "\nDROP INDEX CONCURRENTLY IF EXISTS \"authors_unique_email_index\";")
        .doesNotContain("FOREIGN KEY");
    // the FK needs the unique index: it comes after it, in a transaction again
    assertThat(pub.get(2).content()).doesNotContain(MigrationWriter.NO_TRANSACTION)
        .contains("\"posts_author_email_fkey\" FOREIGN KEY (\"author_email\") REFERENCES \"authors\"(\"email\")");
    assertThat(r.files()).filteredOn(f -> f.kind() == GeneratedFile.Kind.TENANT_MIGRATION).singleElement()
        .satisfies(f -> {
          assertThat(name(f)).isEqualTo("identities_concurrently.sql");
          assertThat(f.content()).startsWith(MigrationWriter.NO_TRANSACTION)
              .contains("CREATE UNIQUE INDEX CONCURRENTLY \"tasks_unique_code_index\" ON \"tasks\" (\"code\");")
              .contains("DROP INDEX CONCURRENTLY IF EXISTS \"tasks_unique_code_index\";");
        });

    migrate();
    assertThat(validIndex("public", "authors_unique_email_index")).isTrue();
    assertThat(validIndex("public", "tags_unique_name_index")).isTrue();
    TENANTS.forEach(t -> assertThat(validIndex(t, "tasks_unique_code_index")).as(t).isTrue());
    assertThat(constraintExists("posts_author_email_fkey")).isTrue();

    // down is the exact inverse: every file of the change rolls back, the concurrent ones outside a transaction
    long first = Long.parseLong(pub.get(0).path().getFileName().toString().substring(0, 14));
    MigrationResult back = GeneratedMigrations.migrator(db, options, REPO).rollback(first);
    assertThat(back.succeeded()).isTrue();
    assertThat(back.versions()).hasSize(3);
    assertThat(GeneratedMigrations.tenantMigrator(db, options, REPO, TENANTS).rollback().succeeded()).isTrue();
    assertThat(validIndex("public", "authors_unique_email_index")).isFalse();
    assertThat(Db.tableExists(db, "public", "tags")).isFalse();
    assertThat(constraintExists("posts_author_email_fkey")).isFalse();
    TENANTS.forEach(t -> assertThat(validIndex(t, "tasks_unique_code_index")).as(t).isFalse());

    migrate();
    assertThat(validIndex("public", "authors_unique_email_index")).isTrue();
    TENANTS.forEach(t -> assertThat(validIndex(t, "tasks_unique_code_index")).as(t).isTrue());
    assertThat(constraintExists("posts_author_email_fkey")).isTrue();
  }

  @Test
  void aNewTableReferencingAConcurrentlyBuiltIndexIsCreatedAfterIt() {
    generator.generate(List.of(new RepoSnapshots(REPO, List.of(authors), null)), options);
    migrate();
    TableSnapshot uniqueAuthors = authors.withIdentities(List.of(identity("authors", "unique_email", "email")));
    TableSnapshot reviews = table("reviews", uuidPk("id"), col("author_email", "text")
        .withReferences(ReferenceSnapshot.to("reviews_author_email_fkey", "authors", "email")));
    GenerationResult r = generator.generate(List.of(new RepoSnapshots(REPO, List.of(uniqueAuthors, reviews), null)),
        options.withName("reviews").withConcurrentIndexes(true));
    // the FK cannot be part of a CREATE TABLE that runs before the index exists
    assertThat(r.migrations()).extracting(ConcurrentIndexesTest::name).containsExactly("reviews.sql",
        "reviews_concurrently.sql", "reviews_after_concurrently.sql");
    assertThat(r.migrations().get(0).content()).contains("CREATE TABLE \"reviews\"").doesNotContain("FOREIGN KEY");
    assertThat(r.migrations().get(2).content())
        .contains("FOREIGN KEY (\"author_email\") REFERENCES \"authors\"(\"email\")");
    migrate();
    assertThat(validIndex("public", "authors_unique_email_index")).isTrue();
    assertThat(constraintExists("reviews_author_email_fkey")).isTrue();
  }

  @Test
  void aCreateTableWithItsForeignKeyFoldedInWaitsForTheConcurrentIndex() {
    TableSnapshot uniqueAuthors = authors.withIdentities(List.of(identity("authors", "unique_email", "email")));
    AttributeSnapshot fk = col("author_email", "text")
        .withReferences(ReferenceSnapshot.to("reviews_author_email_fkey", "authors", "email"));
    TableSnapshot reviews = table("reviews", uuidPk("id"), fk);
    // an order in which the index comes first, so the FK could be folded into the CREATE TABLE
    List<Operation> ordered = List.of(new AddUniqueIndex(uniqueAuthors, uniqueAuthors.identities().get(0), true),
        new CreateTable(reviews, List.of(fk)));
    List<MigrationFile> files = new MigrationWriter(RenderContext.GLOBAL).write(ordered, "reviews",
        GoldenCases.fixedClock());
    assertThat(files).extracting(MigrationFile::name).containsExactly("reviews_concurrently",
        "reviews_after_concurrently");
    assertThat(files.get(1).text()).contains("CREATE TABLE \"reviews\"").contains("REFERENCES \"authors\"(\"email\")");
  }

  @Test
  void withoutTheOptionTheIndexesStayInTheTransactionalMigration() {
    generator.generate(List.of(new RepoSnapshots(REPO, List.of(authors, posts, tasks), null)), options);
    GenerationResult r = generator.generate(withIdentities(), options.withName("identities").withDryRun(true));
    assertThat(r.migrations()).extracting(ConcurrentIndexesTest::name)
        .containsExactly("identities.sql", "identities.sql");
    assertThat(r.migrations()).allSatisfy(f -> assertThat(f.content()).doesNotContain("CONCURRENTLY")
        .doesNotContain(MigrationWriter.NO_TRANSACTION));
    assertThat(r.migrations().get(0).content()).contains("CREATE UNIQUE INDEX \"authors_unique_email_index\"");
  }

  @Test
  void aTableCreatedInTheSameRunGetsNoConcurrentFile() {
    GenerationResult r = generator.generate(withIdentities(), options.withConcurrentIndexes(true).withDryRun(true));
    assertThat(r.migrations()).allSatisfy(f -> assertThat(f.content()).doesNotContain("CONCURRENTLY"));
    assertThat(r.migrations()).extracting(ConcurrentIndexesTest::name)
        .containsExactly("migrate_resources_1.sql", "migrate_resources_1.sql");
  }
}
