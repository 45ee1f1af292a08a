package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * How a resource's table is spread over a Citus cluster, overriding the default a Citus repo
 * ({@link io.ashpg.repo.Repo#citus()}) picks. Declared in the {@code postgres} section:
 *
 * <pre>{@code
 * .postgres(pg -> pg.table("audit_log").distribution(Distribution.distributedBy("org_id")))
 * .postgres(pg -> pg.table("events").distribution(Distribution.distributedBy("org_id").colocatedWith("audit_entry")))
 * .postgres(pg -> pg.table("countries").distribution(Distribution.referenceTable()))
 * .postgres(pg -> pg.table("jobs").distribution(Distribution.local()))
 * }</pre>
 *
 * <p>Without an override: attribute-multitenant resources are distributed by their tenant attribute; global tables
 * that tenant, distributed or reference tables point foreign keys at become reference tables; context-multitenant
 * tables live in tenant schemas, which Citus distributes whole; everything else stays a plain local table.
 */
public sealed interface Distribution {

  /** Sharded by {@code attribute}: each row lives on the node that owns its value's hash. */
  static Distributed distributedBy(String attribute) {
    return new Distributed(Objects.requireNonNull(attribute, "distributedBy attribute"), Optional.empty());
  }

  /** Copied to every node, so any table may reference it (small tables every tenant reads: users, plans). */
  static Distribution referenceTable() {
    return new Reference();
  }

  /** A plain table on the coordinator, never distributed, even where the default would make it a reference table. */
  static Distribution local() {
    return new Local();
  }

  /**
   * A distributed table.
   *
   * @param attribute     the distribution attribute (its column is the distribution column)
   * @param colocateWith  a resource whose (distributed) table this one's shards are placed with; empty: Citus's
   *                      default group for the column's type, or the distributed table it references
   */
  record Distributed(String attribute, Optional<String> colocateWith) implements Distribution {
    public Distributed {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(colocateWith, "colocateWith");
    }

    /**
     * Places the shards with those of {@code resource}'s table (distributed by a column of the same type), which
     * Citus requires for foreign keys and joins between distributed tables.
     */
    public Distributed colocatedWith(String resource) {
      return new Distributed(attribute, Optional.of(Objects.requireNonNull(resource, "colocatedWith resource")));
    }
  }

  /** A reference table. */
  record Reference() implements Distribution {
  }

  /** A local (plain) table. */
  record Local() implements Distribution {
  }
}
