package io.ashpg.migration.run;

/**
 * One thing that went wrong in a run. The failing migration was rolled back (or, for a no-transaction file, stopped
 * at the failing statement, with its version not recorded).
 *
 * @param schema the schema or tenant
 * @param file the failing migration file's location, or null when the failure was not in a file (lock, checksum)
 * @param version the failing migration's version, or 0
 * @param statement the failing SQL statement, or null
 * @param sqlState PostgreSQL's SQLSTATE, or null
 * @param message what went wrong and, where known, how to fix it
 */
public record MigrationFailure(String schema, String file, long version, String statement, String sqlState,
    String message) {

  /** A multi-line description naming schema, file, statement and error. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("schema \"").append(schema).append('"');
    if (file != null) {
      sb.append(", migration ").append(file);
    }
    sb.append(": ").append(message);
    if (sqlState != null) {
      sb.append(" [SQLSTATE ").append(sqlState).append(']');
    }
    if (statement != null) {
      sb.append("\n  statement: ").append(statement.length() > 500 ? statement.substring(0, 500) + " …" : statement);
    }
    return sb.toString();
  }
}
