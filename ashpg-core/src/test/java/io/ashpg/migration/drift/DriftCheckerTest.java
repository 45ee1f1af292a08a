package io.ashpg.migration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.introspect.CatalogDifference;
import io.ashpg.migration.introspect.CatalogDifference.Kind;
import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DriftChecker} on a migrated database: in sync after migrating; each kind of hand-made change reported by
 * schema, table, object and field; ignore patterns; a database that is behind is pending, not drifted; samples.
 */
@WithPostgres
class DriftCheckerTest {

  private static final String REPO = "plain_repo";
  private static final List<String> TENANTS = List.of("org_1", "org_2", "org_3");

  private final TestDatabase db;

  @TempDir
  Path project;

  private MigrationGenerator generator;

  DriftCheckerTest(TestDatabase db) {
    this.db = db;
  }

  static List<Resource> resources(boolean v2) {
    List<Resource> out = new ArrayList<>();
    out.add(Resource.define("author", r -> r
        .postgres(pg -> pg.repo(PlainRepo.class).table("authors"))
        .uuidPrimaryKey("id")
        .attribute("email", Type.STRING, a -> a.allowNil(false))
        .identity("unique_email", "email")));
    out.add(Resource.define("post", r -> {
      r.postgres(pg -> pg.repo(PlainRepo.class).table("posts")
              .checkConstraint("score", "score_must_be_positive", c -> c.check("score > 0"))
              .reference("author", ref -> ref.onDelete(OnDelete.DELETE)))
          .uuidPrimaryKey("id")
          .attribute("title", Type.STRING, a -> a.allowNil(false))
          .attribute("score", Type.INTEGER, a -> a.defaultValue(1L))
          .belongsTo("author", "author");
      if (v2) {
        r.attribute("subtitle", Type.STRING);
      }
    }));
    out.add(Resource.define("invoice", r -> r
        .postgres(pg -> pg.repo(PlainRepo.class).table("invoices"))
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
        .uuidPrimaryKey("id")
        .attribute("amount", Type.decimal(10, 2))
        .belongsTo("post", "post")));
    if (!v2) {
      out.add(Resource.define("line", r -> r
          .postgres(pg -> pg.repo(PlainRepo.class).table("lines")
              .reference("invoice", ref -> ref.onDelete(OnDelete.DELETE)))
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
          .uuidPrimaryKey("id")
          .belongsTo("invoice", "invoice")));
    }
    return out;
  }

  @BeforeEach
  void generateAndMigrate() {
    // one database per class: every test starts from a freshly migrated one
    Db.exec(db, "DROP SCHEMA IF EXISTS org_1, org_2, org_3 CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    generator = new MigrationGenerator(GoldenCases.fixedClock());
    generate(false);
    migratePublic();
    migrateTenants();
  }

  private void generate(boolean v2) {
    generator.generate(Domain.of(resources(v2)), GeneratorOptions.defaults(project).withQuiet(true),
        NeverRename.INSTANCE, PrimaryKeyChooser.none());
  }

  private String migrations() {
    return project.resolve("src/main/resources/db/" + REPO + "/migrations").toString();
  }

  private String tenantMigrations() {
    return project.resolve("src/main/resources/db/" + REPO + "/tenant_migrations").toString();
  }

  private void migratePublic() {
    Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(REPO).location(migrations()).quiet(true)
        .build()).migrate();
  }

  private void migrateTenants() {
    TenantMigrator.create(db.dataSource(), MigratorOptions.builder().repoName(REPO).location(tenantMigrations())
        .quiet(true).build(), TenantLister.of(TENANTS)).migrate();
  }

  private DriftOptions options() {
    return DriftOptions.of(REPO, project.resolve("src/main/ashpg/resource_snapshots"), List.of(migrations()))
        .withTenants(List.of(tenantMigrations()), TenantLister.of(TENANTS));
  }

  private DriftReport check(DriftOptions options) {
    return DriftChecker.create(db.dataSource(), options).check();
  }

  private static List<String> described(DriftReport report) {
    return report.differences().stream().map(CatalogDifference::toString).toList();
  }

  @Test
  void aMigratedDatabaseIsInSync() {
    DriftReport report = check(options());

    assertThat(report.drifted()).isFalse();
    assertThat(report.schemas()).isEmpty();
    assertThat(report.checked()).isEqualTo(4);
    assertThat(report.tenantsListed()).isEqualTo(3);
    assertThat(report.tenantsChecked()).isEqualTo(3);
    assertThat(report.summary()).startsWith("plain_repo: no drift in 4 schema(s)");
  }

  @Test
  void everyKindOfDriftIsNamedBySchemaTableObjectAndField() {
    Db.exec(db, """
        ALTER TABLE public.posts ADD COLUMN extra text;
        DROP INDEX public.authors_unique_email_index;
        ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;
        ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id)
          REFERENCES public.authors(id) ON DELETE SET NULL;
        ALTER TABLE public.posts ALTER COLUMN score SET DEFAULT 2;
        ALTER TABLE public.posts DROP CONSTRAINT score_must_be_positive;
        ALTER TABLE public.posts ADD CONSTRAINT score_must_be_positive CHECK (score >= 0);
        CREATE TABLE public.hotfix (id int);
        DROP TABLE org_2.lines;
        ALTER TABLE org_3.invoices ALTER COLUMN amount TYPE numeric(12,2);
        ALTER TABLE org_3.lines DROP COLUMN invoice_id;
        """);

    DriftReport report = check(options());

    assertThat(report.drifted()).isTrue();
    assertThat(report.driftedSchemas()).extracting(SchemaDrift::schema).containsExactly("public", "org_2", "org_3");
    assertThat(described(report)).contains(
        "public.posts: column extra: not declared (found text)",
        "public.authors: index authors_unique_email_index: missing (expected UNIQUE btree (\"email\"))",
        "public.posts: foreign key posts_author_id_fkey: on delete: expected CASCADE but was SET NULL",
        "public.posts: column score: default: expected 1 but was 2",
        "public.posts: check constraint score_must_be_positive: expression: expected score > 0 but was score >= 0",
        "public.hotfix: not declared",
        "org_2.lines: missing",
        "org_3.invoices: column amount: type: expected numeric(10,2) but was numeric(12,2)");
    assertThat(described(report)).anyMatch(d -> d.startsWith("org_3.lines: column invoice_id: missing"))
        .anyMatch(d -> d.startsWith("org_3.lines: foreign key lines_invoice_id_fkey: missing"));
    assertThat(report.driftedSchemas()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(SchemaDrift.Status.DRIFTED);
      assertThat(s.comparedTo()).isEqualTo("latest");
    });
    assertThat(report.lines(10)).contains("public.posts", "  column extra: not declared (found text)",
        "org_2.lines: missing");
    assertThat(report.lines(1)).last().isEqualTo("… and 2 more drifted schema(s)");
  }

  @Test
  void theJsonReportListsSchemasTablesAndDifferences() throws Exception {
    Db.exec(db, "ALTER TABLE public.posts ADD COLUMN extra text; DROP TABLE org_1.lines");
    Path file = check(options()).writeJson(project.resolve("target/drift/report.json"));

    JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertThat(json.get("drifted").getAsBoolean()).isTrue();
    assertThat(json.get("schemasChecked").getAsInt()).isEqualTo(4);
    JsonObject pub = json.getAsJsonArray("schemas").get(0).getAsJsonObject();
    assertThat(pub.get("schema").getAsString()).isEqualTo("public");
    assertThat(pub.get("status").getAsString()).isEqualTo("drifted");
    JsonObject posts = pub.getAsJsonArray("tables").get(0).getAsJsonObject();
    assertThat(posts.get("table").getAsString()).isEqualTo("posts");
    JsonObject extra = posts.getAsJsonArray("differences").get(0).getAsJsonObject();
    assertThat(extra.get("kind").getAsString()).isEqualTo("unexpected");
    assertThat(extra.get("object").getAsString()).isEqualTo("column extra");
    assertThat(extra.get("actual").getAsString()).isEqualTo("text");
    JsonObject org1 = json.getAsJsonArray("schemas").get(1).getAsJsonObject();
    assertThat(org1.get("schema").getAsString()).isEqualTo("org_1");
    assertThat(org1.get("tenant").getAsBoolean()).isTrue();
    assertThat(org1.getAsJsonArray("tables").get(0).getAsJsonObject().get("table").getAsString())
        .isEqualTo("lines");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void ignorePatternsLeaveUnmanagedObjectsAlone() {
    Db.exec(db, """
        ALTER TABLE public.posts ADD COLUMN legacy_note text;
        CREATE INDEX posts_title_tmp_idx ON public.posts (title);
        CREATE TABLE public.audit_log (id int);
        CREATE TABLE org_1.audit_log (id int);
        """);

    DriftReport all = check(options());
    assertThat(all.differences()).hasSize(4);

    DriftReport ignored = check(options().ignoring(List.of("posts.legacy_*", "*_tmp_idx", "audit_log", " ")));
    assertThat(ignored.drifted()).isFalse();
    assertThat(ignored.ignore()).containsExactly("posts.legacy_*", "*_tmp_idx", "audit_log");

    DriftReport onlyPublic = check(options().ignoring(List.of("public.audit_log", "public.posts.*")));
    assertThat(described(onlyPublic)).containsExactly("org_1.audit_log: not declared");
  }

  @Test
  void tablesOfUnmanagedResourcesAreNotReportedAsNotDeclared() {
    Db.exec(db, "CREATE TABLE public.legacy (id int); CREATE TABLE org_1.imports (id int);"
        + " CREATE TABLE org_2.legacy (id int)");

    DriftReport report = check(options().withUnmanagedTables(java.util.Set.of("public.legacy", "imports")));

    assertThat(described(report)).containsExactly("org_2.legacy: not declared");
    assertThat(report.ignored()).isEqualTo(2);
    assertThat(report.summary()).contains("2 difference(s) ignored");
  }

  @Test
  void aDatabaseBehindItsMigrationsIsPendingNotDrifted() {
    generate(true); // adds posts.subtitle, drops the tenant table lines: migrations written, not applied

    DriftReport behind = check(options());
    assertThat(behind.drifted()).as("%s", behind.differences()).isFalse();
    assertThat(behind.schemas()).hasSize(4).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(SchemaDrift.Status.PENDING);
      assertThat(s.pending()).hasSize(1);
      assertThat(s.comparedTo()).startsWith("before ");
    });

    // behind, and changed by hand: still drift
    Db.exec(db, "ALTER TABLE public.posts ADD COLUMN subtitle text; ALTER TABLE org_1.invoices ADD COLUMN x int");
    assertThat(described(check(options()))).containsExactlyInAnyOrder(
        "public.posts: column subtitle: not declared (found text)",
        "org_1.invoices: column x: not declared (found integer)");
    Db.exec(db, "ALTER TABLE public.posts DROP COLUMN subtitle; ALTER TABLE org_1.invoices DROP COLUMN x");

    migratePublic();
    DriftReport publicDone = check(options());
    assertThat(publicDone.drifted()).isFalse();
    assertThat(publicDone.schemas()).extracting(SchemaDrift::schema).containsExactlyElementsOf(TENANTS);

    migrateTenants();
    DriftReport done = check(options());
    assertThat(done.drifted()).isFalse();
    assertThat(done.schemas()).isEmpty();
  }

  @Test
  void aSampleChecksThatManyTenantsPickedBySeed() {
    Db.exec(db, "DROP TABLE org_1.lines; DROP TABLE org_2.lines; DROP TABLE org_3.lines");

    DriftReport sampled = check(options().withSample(2, 42));
    assertThat(sampled.tenantsListed()).isEqualTo(3);
    assertThat(sampled.tenantsChecked()).isEqualTo(2);
    assertThat(sampled.checked()).isEqualTo(3);
    assertThat(sampled.driftedSchemas()).hasSize(2);
    assertThat(check(options().withSample(2, 42)).driftedSchemas()).extracting(SchemaDrift::schema)
        .containsExactlyElementsOf(sampled.driftedSchemas().stream().map(SchemaDrift::schema).toList());
    assertThat(sampled.summary()).contains("tenants sampled: 2 of 3");

    assertThat(check(options().withSample(10, 1)).driftedSchemas()).hasSize(3);
    assertThat(check(options().withTenantFilter(java.util.Set.of("org_2"), java.util.Set.of())).driftedSchemas())
        .extracting(SchemaDrift::schema).containsExactly("org_2");
  }

  @Test
  void withoutTenantOptionsOnlyThePublicSchemaIsChecked() {
    Db.exec(db, "DROP TABLE org_1.lines");
    DriftReport report = check(DriftOptions.of(REPO, project.resolve("src/main/ashpg/resource_snapshots"),
        List.of(migrations())));
    assertThat(report.drifted()).isFalse();
    assertThat(report.checked()).isEqualTo(1);
  }

  @Test
  void theProductionApiTakesAMigrationTarget() {
    Db.exec(db, "ALTER TABLE public.posts ADD COLUMN extra text");
    MigrationTarget target = MigrationTarget.of(db.jdbcUrl(), db.user(), db.password(), REPO)
        .withLocations(migrations(), tenantMigrations()).withTenants(TenantLister.of(TENANTS));

    DriftReport report = DriftChecker.create(target, project.resolve("src/main/ashpg/resource_snapshots")).check();

    assertThat(report.checked()).isEqualTo(4);
    assertThat(described(report)).containsExactly("public.posts: column extra: not declared (found text)");
  }

  @Test
  void missingSnapshotsAndBadOptionsAreClearErrors() {
    assertThatThrownBy(() -> check(DriftOptions.of(REPO, project.resolve("nowhere"), List.of(migrations()))))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("no snapshots of repo plain_repo in " + project.resolve("nowhere").resolve(REPO))
        .hasMessageContaining("resource_snapshots");
    assertThatThrownBy(() -> options().withSample(-1, 0)).hasMessageContaining("sample size -1");
    assertThatThrownBy(() -> DriftOptions.of(REPO, project, List.of()))
        .hasMessageContaining("no migration location given for repo plain_repo");
    assertThatThrownBy(() -> options().ignoring(List.of("bad\u0001name"))).hasMessageContaining("ignore pattern");
  }
}
