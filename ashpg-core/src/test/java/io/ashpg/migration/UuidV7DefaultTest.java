package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ashpg.fixtures.GenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.generate.GeneratedFile;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uuidV7PrimaryKey} on the test server: below PostgreSQL 18 (minPgVersion 13) the repo's extensions migration
 * installs {@code uuid_generate_v7()}; with minPgVersion 18 (run only on a server of 18 or newer) the default is the
 * built-in {@code uuidv7()}. Either way rows inserted without an id get version-7 UUIDs whose timestamps follow
 * insertion order and the clock.
 */
@WithPostgres
class UuidV7DefaultTest {

  private static final String TENANT = "tenant_a";

  private final TestDatabase db;

  @TempDir
  Path project;

  UuidV7DefaultTest(TestDatabase db) {
    this.db = db;
  }

  private static Resource note(Class<? extends Repo> repo, boolean v7) {
    return Resource.define("note", r -> {
      r.postgres(pg -> pg.repo(repo).table("notes")).attribute("title", Type.STRING);
      if (v7) {
        r.uuidV7PrimaryKey("id");
      } else {
        r.uuidPrimaryKey("id");
      }
    });
  }

  private static Resource memo(Class<? extends Repo> repo) {
    return Resource.define("memo", r -> r.postgres(pg -> pg.repo(repo).table("memos"))
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)).uuidV7PrimaryKey("id")
        .attribute("title", Type.STRING));
  }

  private GenerationResult generate(List<Resource> resources) {
    return new MigrationGenerator(GoldenCases.fixedClock()).generate(Domain.of(resources),
        GeneratorOptions.defaults(project).withQuiet(true), NeverRename.INSTANCE, PrimaryKeyChooser.none());
  }

  private List<Migrator> migrators(String repo) {
    Path root = project.resolve("src/main/resources/db").resolve(repo);
    MigratorOptions.Builder global = MigratorOptions.builder().repoName(repo).all().quiet(true)
        .location(root.resolve("migrations").toString());
    return List.of(Migrator.create(db.dataSource(), global.build()),
        Migrator.create(db.dataSource(), tenantOptions(repo, TENANT).all().build()));
  }

  /** The tenant migrations of {@code repo} in schema {@code tenant}, quiet, scope not set yet. */
  private MigratorOptions.Builder tenantOptions(String repo, String tenant) {
    return MigratorOptions.builder().repoName(repo).quiet(true).prefix(tenant)
        .location(project.resolve("src/main/resources/db").resolve(repo).resolve("tenant_migrations").toString());
  }

  @Test
  void belowPostgres18TheExtensionsMigrationInstallsUuidGenerateV7() throws Exception {
    GenerationResult first = generate(List.of(note(PlainRepo.class, true), memo(PlainRepo.class)));
    GeneratedFile extensions = first.migrations().stream()
        .filter(f -> f.path().getFileName().toString().endsWith("_extensions.sql")).findFirst().orElseThrow();
    assertThat(extensions.content()).contains("CREATE OR REPLACE FUNCTION public.uuid_generate_v7()");
    assertThat(first.migrations()).anySatisfy(f -> assertThat(f.content())
        .contains("\"id\" uuid DEFAULT uuid_generate_v7() NOT NULL"));
    assertThat(Files.readString(project.resolve("src/main/ashpg/resource_snapshots/plain_repo/extensions.json")))
        .contains("uuid_generate_v7");
    assertThat(generate(List.of(note(PlainRepo.class, true), memo(PlainRepo.class))).noChanges()).isTrue();

    List<Migrator> migrators = migrators("plain_repo");
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      migrators.forEach(m -> succeeded(m.migrate()));
      assertVersion7Ids(conn, "notes");
      assertVersion7Ids(conn, "\"" + TENANT + "\".memos");
      assertThat(functionExists(conn)).isTrue();

      // no resource needs it any more: the drop is written commented out, because the tenant migrations already
      // written call it and every tenant created later replays them
      GenerationResult second = generate(List.of(note(PlainRepo.class, false)));
      assertThat(second.migrations()).anySatisfy(f -> assertThat(f.content())
          .contains("--     DROP FUNCTION public.uuid_generate_v7()"))
          .allSatisfy(f -> assertThat(f.content().lines().filter(l -> l.contains("DROP FUNCTION")))
              .allMatch(l -> l.startsWith("--")));
      assertThat(Files.readString(project.resolve("src/main/ashpg/resource_snapshots/plain_repo/extensions.json")))
          .doesNotContain("uuid_generate_v7");
      migrators.forEach(m -> succeeded(m.migrate()));
      assertThat(functionExists(conn)).as("function after the migration that no longer needs it").isTrue();
      // a tenant created now replays the tenant migration whose table default calls the function
      MigratorOptions.Builder lateTenant = tenantOptions("plain_repo", "tenant_late");
      succeeded(Migrator.create(db.dataSource(), lateTenant.step(1).build()).migrate());
      assertVersion7Ids(conn, "tenant_late.memos");
      succeeded(Migrator.create(db.dataSource(), lateTenant.all().build()).migrate());
      succeeded(Migrator.create(db.dataSource(), lateTenant.all().build()).rollback());
      Migrator global = Migrator.create(db.dataSource(), migrators.get(0).options().toBuilder().step(1).build());
      succeeded(global.rollback());
      assertThat(functionExists(conn)).as("function after rolling that migration back").isTrue();
      assertVersion7Ids(conn, "notes");

      for (int i = migrators.size() - 1; i >= 0; i--) {
        succeeded(migrators.get(i).rollback());
      }
      // kept: a migration rolled back after the install may use it again (uuid_v7_function_reinstalled)
      assertThat(functionExists(conn)).as("function after rolling everything back").isTrue();
    }
  }

  @Test
  void fromPostgres18TheBuiltInUuidv7IsUsedAndNothingIsInstalled() throws Exception {
    try (Connection conn = db.connect()) {
      assumeTrue(conn.getMetaData().getDatabaseMajorVersion() >= 18, "uuidv7() needs PostgreSQL 18; the server is "
          + conn.getMetaData().getDatabaseProductVersion());
      GenerationResult r = generate(List.of(note(GenRepos.Pg18Repo.class, true), memo(GenRepos.Pg18Repo.class)));
      assertThat(r.migrations()).allSatisfy(f -> assertThat(f.content()).doesNotContain("uuid_generate_v7"))
          .anySatisfy(f -> assertThat(f.content()).contains("\"id\" uuid DEFAULT uuidv7() NOT NULL"));
      GoldenRoundTripTest.reset(conn);
      migrators("pg18_repo").forEach(m -> succeeded(m.migrate()));
      assertThat(functionExists(conn)).isFalse();
      assertVersion7Ids(conn, "notes");
      assertVersion7Ids(conn, "\"" + TENANT + "\".memos");
    }
  }

  private static void succeeded(MigrationResult result) {
    assertThat(result.failures()).as("migration failures").isEmpty();
  }

  private static boolean functionExists(Connection conn) throws SQLException {
    return queryLong(conn, "SELECT count(*) FROM pg_proc WHERE proname = 'uuid_generate_v7'") > 0;
  }

  /** Inserts rows without an id: each gets a version-7 UUID stamped with the time of its insert. */
  private static void assertVersion7Ids(Connection conn, String table) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    long start = dbMillis(conn);
    for (int i = 0; i < 20; i++) {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (title) VALUES (?) RETURNING id")) {
        ps.setString(1, "row " + i);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    long end = dbMillis(conn);
    assertThat(new HashSet<>(ids)).as("ids of %s are distinct", table).hasSize(ids.size());
    long previous = start;
    for (UUID id : ids) {
      assertThat(id.version()).as("version of %s in %s", id, table).isEqualTo(7);
      assertThat(id.variant()).as("variant of %s in %s", id, table).isEqualTo(2);
      long millis = id.getMostSignificantBits() >>> 16;
      assertThat(millis).as("timestamp of %s in %s: not before the previous id, not after the last insert", id, table)
          .isBetween(previous, end);
      assertThat(Math.abs(millis - System.currentTimeMillis())).as("timestamp of %s close to now", id)
          .isLessThan(60_000);
      previous = millis;
    }
  }

  private static long dbMillis(Connection conn) throws SQLException {
    return queryLong(conn, "SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint");
  }

  private static long queryLong(Connection conn, String sql) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
