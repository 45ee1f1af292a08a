package io.ashpg.migration.run;

/**
 * An applied migration whose file changed since it was applied.
 *
 * @param schema the schema (or tenant) where it was applied
 * @param file the file as it is now
 * @param appliedChecksum the checksum recorded when it was applied
 */
public record ChecksumMismatch(String schema, MigrationFile file, String appliedChecksum) {

  /** A one-line explanation with the way out. */
  public String describe() {
    return "migration " + file.location() + " was changed after it was applied to schema \"" + schema
        + "\" (recorded checksum " + abbreviate(appliedChecksum) + ", file now " + abbreviate(file.checksum())
        + "); restore the file and put the change in a new migration, or run with ignoreChecksums";
  }

  private static String abbreviate(String checksum) {
    return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
  }
}
