package io.ashpg.migration.generate;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.repo.Repo;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Distribution;
import io.ashpg.resource.Problem;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how each table of a Citus repo ({@link Repo#citus()}) is spread over the cluster, and reports what Citus
 * would refuse as definition problems, so a migration never fails half-way on the cluster.
 *
 * <p>A resource's {@code distribution(...)} override wins. Otherwise: an attribute-multitenant table is distributed
 * by its tenant column; a global table that a tenant table, a distributed table or a reference table points a
 * foreign key at becomes a reference table (repeated until nothing changes, since a reference table may only
 * reference reference tables); tenant tables get nothing (their schemas are distributed whole); the rest stays local.
 * A distributed table that references another distributed table is colocated with it, unless it declares its own
 * colocation.
 *
 * <p>Refused by Citus, hence problems: a primary key or unique index of a distributed table without its distribution
 * column; a foreign key from a tenant or reference table to anything but a reference table, from a distributed table
 * to a local one, from a local table to a distributed one, or between distributed tables without their distribution
 * columns or on different colocations; colocating with a table that is not distributed, or by another column type.
 */
final class CitusDistributions {

  /** A table's placement while deciding: local (by default or by declaration), reference or distributed. */
  private enum Kind { LOCAL, REFERENCE, DISTRIBUTED }

  /** The decision for one global table. */
  private static final class Placement {
    Kind kind;
    boolean declared;
    String column;
    TableSlot colocateWith;
    String colocateResource;

    Placement(Kind kind, boolean declared) {
      this.kind = kind;
      this.declared = declared;
    }
  }

  private final Repo repo;
  private final Map<TableSlot, TableSnapshot> tables;
  private final Map<TableSlot, List<Resource>> owners;
  private final Map<String, TableSlot> globalById = new LinkedHashMap<>();
  private final Map<TableSlot, Placement> placements = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private CitusDistributions(Repo repo, Map<TableSlot, TableSnapshot> tables, Map<TableSlot, List<Resource>> owners) {
    this.repo = repo;
    this.tables = tables;
    this.owners = owners;
  }

  /**
   * Sets the distribution of every table in {@code tables} (replaced in place) of {@code repo}, a Citus repo.
   *
   * @param owners the resources stored in each table, in declaration order (blamed in problems)
   * @throws DefinitionException listing everything Citus would refuse
   */
  static void apply(Repo repo, Map<TableSlot, TableSnapshot> tables, Map<TableSlot, List<Resource>> owners) {
    new CitusDistributions(repo, tables, owners).run();
  }

  private void run() {
    tables.keySet().stream().filter(s -> !s.tenant()).forEach(s -> globalById.put(id(s.key()), s));
    for (TableSlot slot : globalById.values()) {
      placements.put(slot, initial(slot));
    }
    promoteReferencedTables();
    colocateByForeignKeys();
    for (Map.Entry<TableSlot, TableSnapshot> e : tables.entrySet()) {
      checkForeignKeys(e.getKey(), e.getValue());
    }
    placements.forEach(this::checkDistributed);
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    placements.forEach((slot, p) -> tables.put(slot, tables.get(slot).withDistribution(snapshot(p))));
  }

  // ---------------------------------------------------------------------------------------------- deciding

  /** The declared placement of a table, or its default before promotion. */
  private Placement initial(TableSlot slot) {
    TableSnapshot t = tables.get(slot);
    Resource declaring = null;
    for (Resource r : owners.get(slot)) {
      Optional<Distribution> d = r.postgres().distribution();
      if (d.isEmpty()) {
        continue;
      }
      if (declaring == null) {
        declaring = r;
      } else if (!d.equals(declaring.postgres().distribution())) {
        problems.add(new Problem(r.name(), "distribution", "table " + slot.key() + " is also stored by resource \""
            + declaring.name() + "\" with another distribution; declare the same distribution on both"));
      }
    }
    if (declaring == null) {
      if (t.multitenancy().isAttribute() && t.multitenancy().attribute() != null) {
        Placement p = new Placement(Kind.DISTRIBUTED, false);
        p.column = t.multitenancy().attribute();
        return p;
      }
      return new Placement(Kind.LOCAL, false);
    }
    Distribution d = declaring.postgres().distribution().get();
    if (d instanceof Distribution.Reference) {
      return new Placement(Kind.REFERENCE, true);
    }
    if (d instanceof Distribution.Local) {
      return new Placement(Kind.LOCAL, true);
    }
    Distribution.Distributed by = (Distribution.Distributed) d;
    Placement p = new Placement(Kind.DISTRIBUTED, true);
    p.column = ResourceTableBuilder.column(declaring, by.attribute());
    if (by.colocateWith().isPresent()) {
      p.colocateResource = by.colocateWith().get();
      p.colocateWith = colocationSlot(declaring, by.colocateWith().get());
    }
    return p;
  }

  /** The global table of resource {@code name}, the target of {@code declaring}'s colocation; null (reported) if none. */
  private TableSlot colocationSlot(Resource declaring, String name) {
    for (Map.Entry<TableSlot, List<Resource>> e : owners.entrySet()) {
      if (e.getValue().stream().anyMatch(r -> r.name().equals(name))) {
        if (!e.getKey().tenant()) {
          return e.getKey();
        }
      }
    }
    problems.add(new Problem(declaring.name(), "distribution.colocatedWith", "resource \"" + name + "\" has no"
        + " global table in this repo's migrations to colocate with; name a distributed resource of "
        + repo.getClass().getSimpleName()));
    return null;
  }

  /** Local-by-default tables referenced from tenant, distributed or reference tables become reference tables. */
  private void promoteReferencedTables() {
    Deque<TableSlot> work = new ArrayDeque<>();
    for (TableSlot slot : tables.keySet()) {
      if (slot.tenant() || placements.get(slot).kind != Kind.LOCAL) {
        work.add(slot);
      }
    }
    while (!work.isEmpty()) {
      TableSlot source = work.poll();
      for (AttributeSnapshot a : tables.get(source).attributes()) {
        TableSlot target = globalTarget(source, a);
        Placement p = target == null ? null : placements.get(target);
        if (p != null && p.kind == Kind.LOCAL && !p.declared) {
          p.kind = Kind.REFERENCE;
          work.add(target);
        }
      }
    }
  }

  /**
   * A distributed table without a declared colocation is colocated with the first distributed table it references
   * (Citus needs them colocated for the foreign key), unless that would make a colocation cycle.
   */
  private void colocateByForeignKeys() {
    for (Map.Entry<TableSlot, Placement> e : placements.entrySet()) {
      Placement p = e.getValue();
      if (p.kind != Kind.DISTRIBUTED || p.colocateResource != null) {
        continue;
      }
      for (AttributeSnapshot a : tables.get(e.getKey()).attributes()) {
        TableSlot target = globalTarget(e.getKey(), a);
        if (target != null && !target.equals(e.getKey()) && placements.get(target).kind == Kind.DISTRIBUTED
            && !colocationReaches(target, e.getKey())) {
          p.colocateWith = target;
          break;
        }
      }
    }
  }

  /** Whether following colocations from {@code from} arrives at {@code to}. */
  private boolean colocationReaches(TableSlot from, TableSlot to) {
    Set<TableSlot> seen = new HashSet<>();
    for (TableSlot s = from; s != null && seen.add(s); s = placements.get(s).colocateWith) {
      if (s.equals(to)) {
        return true;
      }
    }
    return false;
  }

  private static DistributionSnapshot snapshot(Placement p) {
    return switch (p.kind) {
      case LOCAL -> null;
      case REFERENCE -> DistributionSnapshot.reference();
      case DISTRIBUTED -> DistributionSnapshot.distributed(p.column, p.colocateWith == null ? null
          : p.colocateWith.key());
    };
  }

  // ---------------------------------------------------------------------------------------------- checking

  /** A distributed table has its column, keeps it in every unique key, and colocates with a compatible table. */
  private void checkDistributed(TableSlot slot, Placement p) {
    if (p.kind != Kind.DISTRIBUTED) {
      return;
    }
    TableSnapshot t = tables.get(slot);
    Resource owner = owners.get(slot).get(0);
    String column = p.column;
    Optional<AttributeSnapshot> distributionColumn = t.attribute(column);
    if (distributionColumn.isEmpty()) {
      problems.add(new Problem(owner.name(), p.declared ? "distribution.distributedBy" : "multitenancy.attribute",
          "table " + slot.key() + " is distributed by \"" + column + "\", which is not one of its columns (left out"
              + " of migrations?); distribute it by a migrated column"));
      return;
    }
    String why = " lacks the distribution column \"" + column + "\" of table " + slot.key() + ", which Citus"
        + " requires in every primary key and unique index of a distributed table";
    List<String> pk = t.primaryKey();
    if (!pk.isEmpty() && !pk.contains(column)) {
      problems.add(new Problem(owner.name(), "primaryKey", "the primary key (" + String.join(", ", pk) + ")" + why
          + "; make \"" + column + "\" part of the primary key (declare it with primaryKey(true)), or declare"
          + " distribution(Distribution.referenceTable()) or distribution(Distribution.local())"));
    }
    for (IdentitySnapshot i : t.identities()) {
      if (!plainColumns(IndexDefinitions.identityKeys(t, i)).contains(column)) {
        Resource blamed = owners.get(slot).stream().filter(r -> r.identity(i.name()).isPresent()).findFirst()
            .orElse(owner);
        problems.add(new Problem(blamed.name(), "identity(" + i.name() + ")", "the unique index " + i.indexName()
            + why + "; add \"" + column + "\" to the identity's keys"
            + (i.allTenants() ? " (drop allTenants(true), which leaves the tenant column out)" : "")
            + ", or skip its index with skipUniqueIndexes(\"" + i.name() + "\")"));
      }
    }
    for (CustomIndexSnapshot i : t.customIndexes()) {
      if (i.unique() && !plainColumns(IndexDefinitions.customIndexFields(t, i)).contains(column)) {
        problems.add(new Problem(owner.name(), "customIndex(" + i.resolvedName(t.table()) + ")", "the unique index "
            + i.resolvedName(t.table()) + why + "; add \"" + column + "\" to its fields"
            + (i.allTenants() ? " (drop allTenants(true))" : "") + ", or make it non-unique"));
      }
    }
    if (p.colocateResource != null && p.colocateWith != null) {
      Placement target = placements.get(p.colocateWith);
      TableSnapshot other = tables.get(p.colocateWith);
      if (target.kind != Kind.DISTRIBUTED) {
        problems.add(new Problem(owner.name(), "distribution.colocatedWith", "resource \"" + p.colocateResource
            + "\" is stored in a " + describe(target) + " (" + p.colocateWith.key() + "), and Citus colocates only"
            + " distributed tables; colocate with a distributed resource, or distribute \"" + p.colocateResource
            + "\" too"));
      } else if (other.attribute(target.column).filter(c -> sameStorage(c, distributionColumn.get())).isEmpty()) {
        problems.add(new Problem(owner.name(), "distribution.colocatedWith", "table " + slot.key() + " is distributed"
            + " by \"" + column + "\" (" + storage(distributionColumn.get().type()) + "), but " + p.colocateWith.key()
            + " by \"" + target.column + "\" of another type; Citus colocates only tables distributed by columns of"
            + " the same type: align the types or colocate with another resource"));
      } else if (p.colocateWith.equals(slot)) {
        problems.add(new Problem(owner.name(), "distribution.colocatedWith", "table " + slot.key() + " cannot be"
            + " colocated with itself; name another distributed resource, or remove colocatedWith(...)"));
      } else if (colocationReaches(p.colocateWith, slot)) {
        problems.add(new Problem(owner.name(), "distribution.colocatedWith", "the colocations of " + slot.key()
            + " and " + p.colocateWith.key() + " name each other; declare colocatedWith(...) on one of them only"));
      }
    }
  }

  /** What Citus refuses about each foreign key of {@code source}. */
  private void checkForeignKeys(TableSlot source, TableSnapshot t) {
    Kind from = source.tenant() ? null : placements.get(source).kind;
    for (AttributeSnapshot a : t.attributes()) {
      TableSlot targetSlot = globalTarget(source, a);
      if (targetSlot == null) {
        continue; // a tenant table's key within its schema, or a table this repo does not migrate
      }
      Placement target = placements.get(targetSlot);
      String to = describe(target) + " " + targetSlot.key();
      String ignore = "or generate no foreign key with reference(\"" + relationship(source, a) + "\", r ->"
          + " r.ignore(true))";
      if (source.tenant() || from == Kind.REFERENCE) {
        if (target.kind != Kind.REFERENCE) {
          String what = source.tenant() ? "tables in tenant schemas" : "reference tables";
          problems.add(problem(source, a, what + " may reference only reference tables on Citus, but this one"
              + " references the " + to + "; make it a reference table ("
              + (target.declared ? "remove its distribution(...) or declare " : "declare ")
              + "distribution(Distribution.referenceTable()) on its resource), " + ignore));
        }
      } else if (from == Kind.LOCAL) {
        if (target.kind == Kind.DISTRIBUTED) {
          problems.add(problem(source, a, "Citus refuses foreign keys from a local table to a distributed one, and"
              + " this one references the " + to + "; distribute " + source.key() + " by a column matching \""
              + target.column + "\" (distribution(Distribution.distributedBy(...))), " + ignore));
        }
      } else if (target.kind == Kind.LOCAL) {
        problems.add(problem(source, a, "Citus refuses foreign keys from a distributed table to a local one, and"
            + " this one references the " + to + "; remove its distribution(Distribution.local()) so it becomes"
            + " a reference table, " + ignore));
      } else if (target.kind == Kind.DISTRIBUTED) {
        checkDistributedKey(source, a, targetSlot, ignore);
      }
    }
  }

  /**
   * A foreign key between distributed tables pairs their distribution columns. (Their colocation needs no check:
   * every colocation chain ends at a table in Citus's default group for its column type, and a foreign key joins
   * columns of one type.)
   */
  private void checkDistributedKey(TableSlot source, AttributeSnapshot a, TableSlot targetSlot, String ignore) {
    Placement from = placements.get(source);
    Placement to = placements.get(targetSlot);
    List<String> sourceColumns = IndexDefinitions.fkSourceColumns(a);
    List<String> targetColumns = IndexDefinitions.fkDestinationColumns(a.references());
    boolean paired = false;
    for (int i = 0; i < sourceColumns.size(); i++) {
      paired |= sourceColumns.get(i).equals(from.column) && targetColumns.get(i).equals(to.column);
    }
    if (!paired) {
      problems.add(problem(source, a, "Citus needs a foreign key between distributed tables to include their"
          + " distribution columns, but (" + String.join(", ", sourceColumns) + ") → " + targetSlot.key() + "("
          + String.join(", ", targetColumns) + ") does not pair \"" + from.column + "\" with \"" + to.column
          + "\"; add the pair with reference(\"" + relationship(source, a) + "\", r -> r.matchTenant(true)) under"
          + " attribute multitenancy, or r.matchWith(Map.of(\"" + from.column + "\", \"" + to.column + "\")), "
          + ignore));
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** The global table {@code a}'s foreign key points at, if this repo migrates it; null for keys within a tenant. */
  private TableSlot globalTarget(TableSlot source, AttributeSnapshot a) {
    ReferenceSnapshot r = a.references();
    if (r == null || (source.tenant() && r.multitenancy().isContext())) {
      return null;
    }
    return globalById.get(id(r.schema(), r.table()));
  }

  private String id(TableKey key) {
    return id(key.schema(), key.table());
  }

  private String id(String schema, String table) {
    return (schema == null ? repo.defaultPrefix() : schema) + "." + table;
  }

  private Problem problem(TableSlot source, AttributeSnapshot a, String message) {
    String relationship = relationship(source, a);
    Resource blamed = owners.get(source).stream().filter(r -> belongsTo(r, a.source()).isPresent()).findFirst()
        .orElse(owners.get(source).get(0));
    return new Problem(blamed.name(), "belongsTo(" + relationship + ")", "the foreign key " + a.references().name()
        + " of " + source + ": " + message);
  }

  /** The belongs_to behind the foreign key column {@code a}, or the column's name (a polymorphic back-reference). */
  private String relationship(TableSlot source, AttributeSnapshot a) {
    return owners.get(source).stream().map(r -> belongsTo(r, a.source())).flatMap(Optional::stream).findFirst()
        .orElse(a.source());
  }

  private static Optional<String> belongsTo(Resource r, String column) {
    for (Relationship rel : r.relationships()) {
      if (rel instanceof BelongsTo b && ResourceTableBuilder.column(r, b.sourceAttribute()).equals(column)) {
        return Optional.of(b.name());
      }
    }
    return Optional.empty();
  }

  private static String describe(Placement p) {
    return switch (p.kind) {
      case LOCAL -> "local table";
      case REFERENCE -> "reference table";
      case DISTRIBUTED -> "table distributed by \"" + p.column + "\"";
    };
  }

  private static List<String> plainColumns(List<IndexField> fields) {
    return fields.stream().filter(f -> !f.expression()).map(IndexField::value).toList();
  }

  private static boolean sameStorage(AttributeSnapshot a, AttributeSnapshot b) {
    return storage(a.type()).equals(storage(b.type())) && java.util.Objects.equals(a.size(), b.size())
        && java.util.Objects.equals(a.precision(), b.precision()) && java.util.Objects.equals(a.scale(), b.scale());
  }

  /** The stored type of a column: serial and identity shorthands are integers. */
  private static String storage(String type) {
    return switch (type) {
      case "identity", "bigserial" -> "bigint";
      case "serial" -> "integer";
      case "smallserial" -> "smallint";
      default -> type;
    };
  }
}
