package io.ashpg.migration.generate;

/**
 * How a normal generation run rolls back the applied dev migrations of a repo before it deletes them and squashes
 * the change into one migration (see {@link DevMigrations}). The generator knows no database; its caller does —
 * typically {@code dev -> dev.rollBack(MigrationTarget.of(repo))}.
 */
@FunctionalInterface
public interface DevRollback {

  /**
   * Rolls back whatever of {@code dev} is applied, in the public schema and every tenant schema.
   *
   * @throws RuntimeException when that is not possible (no database, a failing down section): the generator then
   *     deletes and writes nothing
   */
  void rollBack(DevMigrations dev);

  /** Refuses: for callers without a database, which must not squash dev migrations that may be applied. */
  static DevRollback refuse() {
    return dev -> {
      throw new IllegalStateException("repo " + dev.repo() + " has dev migrations (" + dev.files().size()
          + " dev file(s), e.g. " + dev.files().get(0) + "); a normal run rolls back the applied ones before"
          + " squashing them, which needs the database: give the generator a DevRollback"
          + " (MigrationGenerator.withDevRollback), or generate with dev to keep adding dev migrations");
    };
  }
}
