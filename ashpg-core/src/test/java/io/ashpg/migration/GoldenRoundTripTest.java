package io.ashpg.migration;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Differ;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.OperationGraph;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case against real PostgreSQL: build the base state, apply {@code up} and compare pg_catalog with
 * the target snapshots, apply {@code down} and compare with the base, apply {@code up} again.
 */
@WithPostgres
class GoldenRoundTripTest {

  private static final String TENANT = "tenant_a";

  private final TestDatabase db;

  GoldenRoundTripTest(TestDatabase db) {
    this.db = db;
  }

  static List<GoldenCases.Case> cases() {
    return GoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(GoldenCases.Case c) throws SQLException {
    try (Connection conn = db.connect()) {
      reset(conn);
      // global tables the case needs (tenant cases reference them)
      apply(conn, create(c.setup(), RenderContext.GLOBAL), true);
      if (c.tenant()) {
        exec(conn, "CREATE SCHEMA \"" + TENANT + "\"");
        exec(conn, "SET search_path TO \"" + TENANT + "\", public");
      }
      RenderContext ctx = c.tenant() ? RenderContext.TENANT : RenderContext.GLOBAL;
      apply(conn, create(c.base(), ctx), true);
      verify(conn, c, c.base(), "with the base state");

      List<MigrationFile> files = c.files();
      List<TableSnapshot> effectiveTarget = effectiveTarget(c);
      apply(conn, files, true);
      verify(conn, c, effectiveTarget, "after up");

      List<MigrationFile> reversed = new ArrayList<>(files);
      java.util.Collections.reverse(reversed);
      apply(conn, reversed, false);
      verify(conn, c, c.base(), "after down");

      apply(conn, files, true);
      verify(conn, c, effectiveTarget, "after up again");
    }
  }

  /** The target as the database has it: columns removed only in a comment are still there. */
  private static List<TableSnapshot> effectiveTarget(GoldenCases.Case c) {
    Map<String, TableSnapshot> byName = new TreeMap<>();
    c.target().forEach(t -> byName.put(t.key().toString(), t));
    for (Operation op : c.operations()) {
      if (op instanceof RemoveAttribute r && r.commented()) {
        String k = r.table().key().toString();
        byName.put(k, byName.get(k).withAttribute(r.attribute()));
      }
    }
    return new ArrayList<>(byName.values());
  }

  static List<MigrationFile> create(List<TableSnapshot> tables, RenderContext ctx) {
    if (tables.isEmpty()) {
      return List.of();
    }
    List<Operation> ops = new Differ(false).diff(Map.of(), Snap.set(tables.toArray(TableSnapshot[]::new)),
        NeverRename.INSTANCE);
    return new MigrationWriter(ctx).write(OperationGraph.order(ops), "setup", GoldenCases.fixedClock());
  }

  /** The database holds exactly the case's setup tables and {@code tables}, field by field. */
  private static void verify(Connection conn, GoldenCases.Case c, List<TableSnapshot> tables, String when)
      throws SQLException {
    List<TableSnapshot> declared = new ArrayList<>(c.setup());
    declared.addAll(tables);
    CatalogOracle.on(conn).tenantSchema(TENANT).assertMatches(when, declared);
  }

  static void apply(Connection conn, List<MigrationFile> files, boolean up) throws SQLException {
    for (MigrationFile f : files) {
      SqlScript script = SqlScript.parse(f.text());
      List<String> statements = SqlScript.split(up ? script.up : script.down);
      if (script.noTransaction) {
        for (String s : statements) {
          exec(conn, s);
        }
        continue;
      }
      conn.setAutoCommit(false);
      try {
        for (String s : statements) {
          exec(conn, s);
        }
        conn.commit();
      } catch (SQLException e) {
        conn.rollback();
        throw new SQLException("applying " + (up ? "up" : "down") + " of " + f.fileName() + " failed:\n"
            + f.text(), e);
      } finally {
        conn.setAutoCommit(true);
      }
    }
  }

  static void exec(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  in: " + sql, e.getSQLState(), e);
    }
  }

  static void reset(Connection conn) throws SQLException {
    exec(conn, "RESET search_path");
    List<String> schemas = new ArrayList<>();
    try (Statement s = conn.createStatement();
         var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
             + " AND nspname <> 'information_schema'")) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    for (String schema : schemas) {
      exec(conn, "DROP SCHEMA \"" + schema + "\" CASCADE");
    }
    exec(conn, "CREATE SCHEMA public");
  }
}
