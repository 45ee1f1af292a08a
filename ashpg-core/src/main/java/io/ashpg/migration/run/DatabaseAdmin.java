package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and drops the database a JDBC URL names, by connecting to the maintenance database {@code postgres} on
 * the same server. "Already exists" and "does not exist" are ordinary outcomes, not errors.
 */
public final class DatabaseAdmin {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  /** {@code jdbc:postgresql://hosts/database?params}: group 2 is the database. */
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

  /** Outcome of {@link #create}. */
  public enum CreateOutcome {
    CREATED,
    ALREADY_EXISTS
  }

  /** Outcome of {@link #drop}. */
  public enum DropOutcome {
    DROPPED,
    DID_NOT_EXIST,
    /** The confirmation callback said no. */
    CANCELLED
  }

  /** Asked before dropping, unless {@code force}. */
  @FunctionalInterface
  public interface Confirmation {
    /** Whether to drop {@code database}. */
    boolean confirm(String database);
  }

  /**
   * Drop options.
   *
   * @param force drop without asking
   * @param forceDrop disconnect other sessions first ({@code WITH (FORCE)}, PostgreSQL 13+)
   * @param quiet log nothing but warnings
   */
  public record DropOptions(boolean force, boolean forceDrop, boolean quiet) {
  }

  private DatabaseAdmin() {
  }

  /** Creates the database of {@code url} ({@code ENCODING 'UTF8'}); one that exists already is left as it is. */
  public static CreateOutcome create(String url, String user, String password, boolean quiet) {
    String db = databaseName(url);
    try (Connection c = DriverManager.getConnection(maintenanceUrl(url), user, password);
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + Identifier.quote(db) + " ENCODING 'UTF8'");
      log(quiet, "database \"" + db + "\" created");
      return CreateOutcome.CREATED;
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        log(quiet, "database \"" + db + "\" already exists");
        return CreateOutcome.ALREADY_EXISTS;
      }
      throw new MigrationException("could not create database \"" + db + "\": " + e.getMessage()
          + " (the user needs the CREATEDB privilege, and the server must have a 'postgres' database)", e);
    }
  }

  /** Drops the database of {@code url}, asking {@code confirmation} first unless {@code options.force()}. */
  public static DropOutcome drop(String url, String user, String password, DropOptions options,
      Confirmation confirmation) {
    Objects.requireNonNull(options, "options");
    String db = databaseName(url);
    if (!options.force()) {
      Objects.requireNonNull(confirmation, "confirmation (or set force)");
      if (!confirmation.confirm(db)) {
        log(options.quiet(), "not dropping database \"" + db + "\"");
        return DropOutcome.CANCELLED;
      }
    }
    try (Connection c = DriverManager.getConnection(maintenanceUrl(url), user, password);
         Statement s = c.createStatement()) {
      String sql = "DROP DATABASE " + Identifier.quote(db);
      if (options.forceDrop()) {
        if (serverVersionNum(s) >= 130000) {
          sql += " WITH (FORCE)";
        } else {
          LOG.log(Level.WARNING, "forceDrop needs PostgreSQL 13 or newer; dropping \"" + db + "\" without it");
        }
      }
      s.execute(sql);
      log(options.quiet(), "database \"" + db + "\" dropped");
      return DropOutcome.DROPPED;
    } catch (SQLException e) {
      if ("3D000".equals(e.getSQLState())) {
        log(options.quiet(), "database \"" + db + "\" does not exist");
        return DropOutcome.DID_NOT_EXIST;
      }
      String hint = "55006".equals(e.getSQLState())
          ? " (other sessions are connected; close them or use forceDrop)" : "";
      throw new MigrationException("could not drop database \"" + db + "\": " + e.getMessage() + hint, e);
    }
  }

  private static int serverVersionNum(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1));
    }
  }

  /** The database a JDBC URL names. */
  static String databaseName(String url) {
    Objects.requireNonNull(url, "url");
    Properties p = org.postgresql.Driver.parseURL(url, null);
    String db = p == null ? null : p.getProperty("PGDBNAME");
    if (db == null || db.isEmpty()) {
      throw new MigrationException("'" + url + "' names no database; use jdbc:postgresql://host:port/database");
    }
    return db;
  }

  /** The same URL, pointing at the {@code postgres} maintenance database. */
  static String maintenanceUrl(String url) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new MigrationException("cannot derive the maintenance database from '" + url
          + "'; use the form jdbc:postgresql://host:port/database");
    }
    return m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
  }

  private static void log(boolean quiet, String message) {
    LOG.log(quiet ? Level.DEBUG : Level.INFO, message);
  }
}
