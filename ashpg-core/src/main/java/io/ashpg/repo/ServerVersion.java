package io.ashpg.repo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * A PostgreSQL server version (major.minor) as reported by {@code server_version_num}.
 *
 * @param major major version, e.g. 17 (for 9.6: 9)
 * @param minor minor version, e.g. 2 (for 9.6: 6)
 */
public record ServerVersion(int major, int minor) implements Comparable<ServerVersion> {
  private static final Comparator<ServerVersion> ORDER =
      Comparator.comparingInt(ServerVersion::major).thenComparingInt(ServerVersion::minor);

  public ServerVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor);
    }
  }

  /**
   * Parses {@code server_version_num}: {@code "170002"} → 17.2, {@code "150019"} → 15.19; before version 10 the
   * number is {@code MMmmpp}, so {@code "90624"} → 9.6.
   */
  public static ServerVersion parse(String serverVersionNum) {
    int num;
    try {
      num = Integer.parseInt(serverVersionNum.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a server_version_num: \"" + serverVersionNum + "\"", e);
    }
    if (num < 10000) {
      throw new IllegalArgumentException("not a server_version_num: \"" + serverVersionNum + "\"");
    }
    return num >= 100000 ? new ServerVersion(num / 10000, num % 10000) : new ServerVersion(num / 10000, num / 100 % 100);
  }

  /** Asks the server with {@code SHOW server_version_num}. */
  public static ServerVersion detect(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
      if (!rs.next()) {
        throw new SQLException("SHOW server_version_num returned no row");
      }
      return parse(rs.getString(1));
    }
  }

  /** Whether this version's major is at least {@code major}. */
  public boolean atLeast(int major) {
    return this.major >= major;
  }

  @Override
  public int compareTo(ServerVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
