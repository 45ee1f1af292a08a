package io.ashpg.migration.generate;

import io.ashpg.migration.diff.TenantKeyDependents;
import io.ashpg.migration.diff.TenantKeyDependents.Dependent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public migration would drop a primary key, unique index or table of a global table that foreign keys of
 * tenant tables depend on ({@link TenantKeyDependents}). PostgreSQL would refuse it in any database with a tenant
 * schema, and no order of the generated files can help, so nothing is written. The message names each removed key,
 * each dependent tenant foreign key, and the two generations that make the change.
 */
public final class GlobalKeyInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String repo;
  private final transient List<Dependent> dependents;

  /**
   * @param repo       the repo whose migrations were being generated
   * @param dependents the tenant foreign keys in the way (not empty)
   */
  public GlobalKeyInUseException(String repo, List<Dependent> dependents) {
    super(message(repo, dependents));
    this.repo = repo;
    this.dependents = List.copyOf(dependents);
  }

  /** The repo. */
  public String repo() {
    return repo;
  }

  /** The tenant foreign keys that depend on what the public migration removes. */
  public List<Dependent> dependents() {
    return dependents;
  }

  private static String message(String repo, List<Dependent> dependents) {
    Map<String, List<Dependent>> byRemoval = new LinkedHashMap<>();
    dependents.forEach(d -> byRemoval.computeIfAbsent(d.removal(), k -> new ArrayList<>()).add(d));
    StringBuilder sb = new StringBuilder("repo " + repo + ": cannot generate this change.");
    byRemoval.forEach((removal, keys) -> {
      sb.append("\nThe public migration would drop ").append(removal)
          .append(", and foreign keys of tenant tables depend on it:");
      keys.forEach(d -> sb.append("\n  - ").append(d.describe()));
    });
    List<String> tables = dependents.stream().map(Dependent::globalTable).distinct().toList();
    sb.append("\nPublic migrations run before tenant migrations and cannot reach the foreign keys in tenant schemas,"
        + " so PostgreSQL would refuse the public migration (SQLSTATE 2BP01, other objects depend on it) as soon as"
        + " one tenant schema has been migrated, even where this change also drops or re-points those foreign keys"
        + " in the tenant migration. Nothing was written. Make the change in two generations:"
        + "\n  1. remove the foreign keys listed above: drop those relationships, or keep them without a database"
        + " reference (.postgres(pg -> pg.reference(\"<relationship>\", ref -> ref.ignore(true)))), and leave ")
        .append(String.join(", ", tables))
        .append(" as it is; generate (without -Dashpg.dev: dev migrations are squashed into one migration again) and"
            + " migrate the public schema and every tenant (ashpg:migrate -Dashpg.tenants), in every database before"
            + " the second generation reaches it;"
            + "\n  2. then make the change to ").append(String.join(", ", tables))
        .append(" and generate again; references declared again there (to a key the table still has) are re-created"
            + " by its tenant migration, which runs after the public one.");
    return sb.toString();
  }
}
