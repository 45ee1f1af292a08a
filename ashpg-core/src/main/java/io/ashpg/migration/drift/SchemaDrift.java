package io.ashpg.migration.drift;

import io.ashpg.migration.introspect.CatalogDifference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a drift check found in one schema.
 *
 * @param schema      the schema
 * @param tenant      whether it is a tenant schema
 * @param applied     the newest applied migration version, or null when none is applied
 * @param pending     versions of the migrations not applied yet, oldest first
 * @param comparedTo  the snapshot bound the schema was compared with: {@code latest}, or {@code before <version>}
 *                    (the first pending migration) when migrations are pending
 * @param differences every difference not ignored, in schema, table, object order
 * @param ignored     how many differences the ignore patterns left out
 */
public record SchemaDrift(String schema, boolean tenant, Long applied, List<Long> pending, String comparedTo,
    List<CatalogDifference> differences, int ignored) {

  /** How a schema stands. */
  public enum Status {
    /** As its applied migrations built it. */
    IN_SYNC,
    /** Behind: migrations are pending, and what is applied is as they built it. */
    PENDING,
    /** Different from what its applied migrations built. */
    DRIFTED;

    /** As the JSON report and the log spell it: {@code in_sync}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SchemaDrift {
    Objects.requireNonNull(schema, "schema");
    pending = List.copyOf(pending);
    Objects.requireNonNull(comparedTo, "comparedTo");
    differences = List.copyOf(differences);
  }

  /** Drifted when anything differs; else pending when migrations are pending; else in sync. */
  public Status status() {
    if (!differences.isEmpty()) {
      return Status.DRIFTED;
    }
    return pending.isEmpty() ? Status.IN_SYNC : Status.PENDING;
  }
}
