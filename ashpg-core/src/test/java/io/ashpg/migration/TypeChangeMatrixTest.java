package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.ddl.TypeCasts;
import io.ashpg.migration.ddl.TypeChangeRefusedException;
import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every type change between the DSL's types, through the generator and the migrator on PostgreSQL: each ordered pair
 * gets a table whose column {@code v} changes from the one type to the other, with rows PostgreSQL can convert there
 * and back. A pair the generator refuses must be one PostgreSQL cannot convert (no cast one way), and the refusal must
 * name schema, table, column and both types and write nothing. All other pairs go into one migration: up leaves the
 * schema exactly as declared (catalog oracle) with every row converted as PostgreSQL converts it, down restores the
 * type and the original rows, up again works again.
 *
 * <p>{@code utc_datetime} and {@code naive_datetime} are both {@code timestamp(0)}, and an {@code enumOf} attribute is
 * {@code text}: pairs whose column types are the same are no type change and are left out. {@code mood} is a PostgreSQL
 * enum type (a {@code custom} type), created before the migrations.
 */
@WithPostgres
class TypeChangeMatrixTest {

  /** A DSL type, with SQL literals of values to try as rows. */
  enum Kind {
    STRING(Type.STRING, null, "'1'", "'0'", "'true'", "'2024-01-02'", "'2024-01-02 03:04:05'", "'03:04:05'",
        "'{\"a\": 1}'", "'{1,2}'", "'happy'", "'00000000-0000-0000-0000-000000000001'", "'1.5'", "'1.50'"),
    INTEGER(Type.INTEGER, "integer", "1", "0", "7"),
    BIGINT(Type.INTEGER, null, "1", "0", "7"),
    BOOLEAN(Type.BOOLEAN, null, "true", "false"),
    DECIMAL(Type.decimal(10, 2), null, "1.50", "2.00", "0"),
    FLOAT(Type.FLOAT, null, "1.5", "2", "0"),
    UUID(Type.UUID, null, "'00000000-0000-0000-0000-000000000001'"),
    DATE(Type.DATE, null, "'2024-01-02'"),
    UTC_DATETIME(Type.UTC_DATETIME, null, "'2024-01-02 00:00:00'", "'2024-01-02 03:04:05'"),
    NAIVE_DATETIME(Type.NAIVE_DATETIME, null, "'2024-01-02 00:00:00'"),
    TIME(Type.TIME, null, "'03:04:05'"),
    MAP(Type.MAP, null, "'1'", "'true'", "'{\"a\": 1}'", "'\"happy\"'"),
    STRING_ARRAY(Type.arrayOf(Type.STRING), null, "'{1,2}'", "'{a,b}'"),
    INTEGER_ARRAY(Type.arrayOf(Type.INTEGER), null, "'{1,2}'"),
    ENUM(Type.enumOf("sad", "happy"), null, "'happy'"),
    PG_ENUM(Type.custom("mood"), null, "'happy'");

    final Type type;
    final String migrationType;
    final List<String> values;

    Kind(Type type, String migrationType, String... values) {
      this.type = type;
      this.migrationType = migrationType;
      this.values = List.of(values);
    }

    String label() {
      return name().toLowerCase(Locale.ROOT).replace("_", "");
    }
  }

  record Pair(Kind from, Kind to) {
    String table() {
      return "p_" + from.label() + "_" + to.label();
    }

    @Override
    public String toString() {
      return from + " -> " + to;
    }
  }

  private final TestDatabase db;

  @TempDir
  Path project;

  TypeChangeMatrixTest(TestDatabase db) {
    this.db = db;
  }

  private static Resource resource(Pair p, Kind kind) {
    return ResourceCases.res(p.table(), p.table(), r -> {
      r.uuidPrimaryKey("id").attribute("v", kind.type);
      if (kind.migrationType != null) {
        r.postgres(pg -> pg.migrationType("v", kind.migrationType));
      }
    });
  }

  /** Each pair's table with {@code v} of its target type when {@code changed} holds it, its source type otherwise. */
  private static List<Resource> resources(List<Pair> pairs, List<Pair> changed) {
    return pairs.stream().map(p -> resource(p, changed.contains(p) ? p.to() : p.from())).toList();
  }

  private GenerationResult generate(List<Resource> resources, boolean dryRun) {
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true).withDryRun(dryRun);
    return generator.generate(Domain.of(resources), options, RenameDecider.strict(), PrimaryKeyChooser.none());
  }

  private final MigrationGenerator generator = ResourceCases.generator();

  /** Generates the change of {@code p} alone: every other pair's table is left alone as unmanaged. */
  private GenerationResult generateOne(List<Pair> pairs, Pair p, boolean dryRun) {
    RepoSnapshots one = new SnapshotBuilder().build(Domain.of(List.of(resource(p, p.to())))).get(0);
    List<io.ashpg.migration.snapshot.TableKey> others = pairs.stream().filter(o -> !o.equals(p))
        .map(o -> new io.ashpg.migration.snapshot.TableKey(null, o.table())).toList();
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true).withDryRun(dryRun);
    return generator.generate(List.of(new RepoSnapshots(one.repo(), one.tables(), one.extensions(), others,
        List.of(), true)), options, RenameDecider.strict());
  }

  /** The column type of {@code v} as a migration writes it. */
  private static String columnType(Kind k, Pair p) {
    TableSnapshot t = tables(List.of(resource(p, k))).get(0);
    return TypeCasts.written(t.attributes().stream().filter(a -> a.source().equals("v")).findFirst().orElseThrow(), t);
  }

  private static List<TableSnapshot> tables(List<Resource> resources) {
    List<TableSnapshot> out = new ArrayList<>();
    for (RepoSnapshots r : new SnapshotBuilder().build(Domain.of(resources))) {
      out.addAll(r.tables());
    }
    return out;
  }

  @Test
  void everyPairAppliesOrIsRefused() throws IOException, SQLException {
    List<Pair> pairs = new ArrayList<>();
    for (Kind from : Kind.values()) {
      for (Kind to : Kind.values()) {
        Pair p = new Pair(from, to);
        if (from != to && !columnType(from, p).equals(columnType(to, p))) {
          pairs.add(p);
        }
      }
    }
    List<Resource> before = resources(pairs, List.of());
    assertThat(generate(before, false).written()).isTrue();
    Map<String, String> filesBefore = GoldenFiles.read(project);

    // each pair alone: refused, or generated (dry run)
    List<Pair> refused = new ArrayList<>();
    List<Pair> changed = new ArrayList<>();
    for (Pair p : pairs) {
      try {
        generateOne(pairs, p, true);
        changed.add(p);
      } catch (TypeChangeRefusedException e) {
        refused.add(p);
        assertThat(e.getMessage()).as("refusal of %s", p).contains("public." + p.table(), "\"v\"",
            columnType(p.from(), p), columnType(p.to(), p), "convertType");
      }
    }
    assertThat(refused).as("issue 21's examples of pairs without a cast").contains(
        new Pair(Kind.BOOLEAN, Kind.DATE), new Pair(Kind.UUID, Kind.BIGINT));
    assertThat(changed).contains(new Pair(Kind.STRING, Kind.BIGINT), new Pair(Kind.STRING, Kind.UUID),
        new Pair(Kind.STRING, Kind.DATE), new Pair(Kind.BOOLEAN, Kind.INTEGER), new Pair(Kind.MAP, Kind.STRING));
    // jsonb -> numeric is an explicit cast, but nothing casts numeric back to jsonb: refused for the down
    assertThat(refused).contains(new Pair(Kind.MAP, Kind.DECIMAL));

    try (Connection conn = db.connect()) {
      conn.setAutoCommit(true);
      GoldenRoundTripTest.reset(conn);
      exec(conn, "CREATE TYPE mood AS ENUM ('sad', 'happy')");
      // a refused pair is one PostgreSQL cannot convert, there or back, even on an empty table
      for (Pair p : refused) {
        String from = columnType(p.from(), p);
        String to = columnType(p.to(), p);
        assertThat(converts(conn, from, to) && converts(conn, to, from)).as("PostgreSQL converts %s both ways", p)
            .isFalse();
        // refused for real: nothing written
        assertThatThrownBy(() -> generateOne(pairs, p, false))
            .isInstanceOf(TypeChangeRefusedException.class);
        assertThat(GoldenFiles.read(project)).as("files after the refusal of %s", p).isEqualTo(filesBefore);
      }

      List<ResourceRoundTripTest.Run> runs = ResourceRoundTripTest.runs(db.dataSource(),
          project.resolve("src/main/resources/db"), "tenant_a");
      assertThat(runs).hasSize(1);
      ResourceRoundTripTest.succeeded(runs.get(0).migrator().migrate());

      // rows that convert there and back, NULL in every table
      Map<Pair, List<String>> original = new LinkedHashMap<>();
      Map<Pair, List<String>> converted = new LinkedHashMap<>();
      for (Pair p : changed) {
        String from = columnType(p.from(), p);
        String to = columnType(p.to(), p);
        List<String> kept = new ArrayList<>();
        for (String v : p.from().values) {
          String there = query(conn, "SELECT ((" + v + ")::" + from + ")::" + to + "::text");
          String back = query(conn, "SELECT (((" + v + ")::" + from + ")::" + to + ")::" + from + "::text");
          String same = query(conn, "SELECT ((" + v + ")::" + from + ")::text");
          if (there != null && Objects.equals(back, same)) {
            kept.add(v);
          }
        }
        exec(conn, "INSERT INTO " + p.table() + " (v) VALUES (NULL)");
        for (String v : kept) {
          exec(conn, "INSERT INTO " + p.table() + " (v) VALUES ((" + v + ")::" + from + ")");
        }
        original.put(p, values(conn, p.table()));
        converted.put(p, queryAll(conn, "SELECT (v::" + to + ")::text FROM " + p.table() + " ORDER BY id"));
      }
      assertThat(original.values().stream().mapToInt(List::size).sum()).as("rows")
          .isGreaterThan(2 * changed.size());

      GenerationResult up = generate(resources(pairs, changed), false);
      assertThat(up.written()).isTrue();
      long version = ResourceRoundTripTest.firstVersion(List.of(filesBefore(filesBefore),
          GoldenFiles.read(project.resolve("src/main/resources/db"))), 1, "plain_repo/migrations").orElseThrow();

      ResourceRoundTripTest.succeeded(runs.get(0).migrator().migrate());
      CatalogOracle.on(conn).assertMatches("after up", tables(resources(pairs, changed)));
      for (Pair p : changed) {
        assertThat(values(conn, p.table())).as("rows of %s after up", p).isEqualTo(converted.get(p));
      }

      MigrationResult down = runs.get(0).migrator().rollback(version);
      ResourceRoundTripTest.succeeded(down);
      CatalogOracle.on(conn).assertMatches("after down", tables(before));
      for (Pair p : changed) {
        assertThat(values(conn, p.table())).as("rows of %s after down", p).isEqualTo(original.get(p));
      }

      ResourceRoundTripTest.succeeded(runs.get(0).migrator().migrate());
      CatalogOracle.on(conn).assertMatches("after up again", tables(resources(pairs, changed)));
      for (Pair p : changed) {
        assertThat(values(conn, p.table())).as("rows of %s after up again", p).isEqualTo(converted.get(p));
      }
    }
  }

  /** The migration files of the first generation, keyed below the migrations root as firstVersion expects. */
  private static Map<String, String> filesBefore(Map<String, String> projectFiles) {
    Map<String, String> out = new LinkedHashMap<>();
    String root = "src/main/resources/db/";
    projectFiles.forEach((k, v) -> {
      if (k.startsWith(root)) {
        out.put(k.substring(root.length()), v);
      }
    });
    return out;
  }

  /** Whether PostgreSQL converts an empty column of type {@code from} to {@code to}, with an explicit cast at most. */
  private static boolean converts(Connection conn, String from, String to) throws SQLException {
    exec(conn, "DROP TABLE IF EXISTS scratch");
    exec(conn, "CREATE TABLE scratch (v " + from + ")");
    try {
      exec(conn, "ALTER TABLE scratch ALTER COLUMN v TYPE " + to + " USING v::" + to);
      return true;
    } catch (SQLException e) {
      assertThat(e.getSQLState()).as("%s -> %s: %s", from, to, e.getMessage()).isEqualTo("42846");
      return false;
    } finally {
      exec(conn, "DROP TABLE IF EXISTS scratch");
    }
  }

  private static List<String> values(Connection conn, String table) throws SQLException {
    return queryAll(conn, "SELECT v::text FROM " + table + " ORDER BY id");
  }

  private static String query(Connection conn, String sql) {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return null; // does not convert
    }
  }

  private static List<String> queryAll(Connection conn, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void exec(Connection conn, String sql) throws SQLException {
    GoldenRoundTripTest.exec(conn, sql);
  }
}
