package io.ashpg.data;

import io.ashpg.error.ConstraintErrorMapper.Operation;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Identity;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.RawSql;
import io.ashpg.sql.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Single-record upserts of {@link DataLayer}, and the {@code ON CONFLICT} clause bulk upserts share: conflict target
 * from the primary key or an identity, the fields overwritten, and an optional condition on the existing row.
 */
final class Upserts {
  private final DataLayer dl;

  Upserts(DataLayer dl) {
    this.dl = dl;
  }

  UpsertResult upsert(Changeset changeset, String identity, List<String> upsertFields, Expr condition) {
    DataLayer.requireKind(changeset, Changeset.Kind.CREATE, "upsert");
    Changeset cs = TenantScope.scope(changeset, dl.tenantScope());
    Model m = dl.model(cs.resource(), cs.tenant(), cs.contextTable());
    if (condition != null) {
      Query.checkAttributes(m.resource, condition);
    }
    Upsert upsert = of(m, identity, upsertFields, condition);
    Writes.Insert insert = Writes.insertValues(m, cs, dl.config().clock().instant());
    Columns returning = m.columns(cs.select());
    Sql sql = DataLayer.render(() -> dl.writes().insertSql(m, insert, upsert, returning));
    List<Outcome> rows = dl.run("upsert of " + m.name(), Writes.context("upsert", cs), m, Operation.CREATE,
        insert.byName(), false, st -> st.query(sql, outcomes(returning)));
    if (rows.isEmpty()) {
      return new UpsertResult(UpsertResult.Outcome.SKIPPED, Optional.empty());
    }
    Outcome o = rows.get(0);
    return new UpsertResult(o.inserted() ? UpsertResult.Outcome.INSERTED : UpsertResult.Outcome.UPDATED,
        Optional.of(o.row()));
  }

  /** A row returned by an upsert with whether it was inserted; {@code row} is null when no columns are returned. */
  record Outcome(Row row, boolean inserted) {}

  /** Reads {@link WriteRenderer#returningWithOutcome} rows: the columns (if any), then the inserted flag. */
  static Jdbc.Reader<List<Outcome>> outcomes(Columns returning) {
    return (ResultSet rs) -> {
      List<Outcome> out = new ArrayList<>();
      int flag = returning == null ? 1 : returning.size() + 1;
      while (rs.next()) {
        out.add(new Outcome(returning == null ? null : returning.read(rs), rs.getBoolean(flag)));
      }
      return out;
    };
  }

  /** Every attribute the changeset sets except the conflict keys and the primary key. */
  List<String> defaultFields(Changeset changeset, String identity) {
    Set<String> keys = new HashSet<>(conflictKeys(changeset.resource(), identity));
    changeset.resource().primaryKey().forEach(a -> keys.add(a.name()));
    return changeset.values().keySet().stream().filter(f -> !keys.contains(f)).toList();
  }

  /**
   * The conflict target of an upsert: the primary key, or the identity's keys — with the tenant attribute first for
   * attribute multitenancy unless the identity spans all tenants, matching the unique index the generator made.
   */
  private static List<String> conflictKeys(Resource resource, String identity) {
    if (identity == null || identity.isEmpty()) {
      return resource.primaryKey().stream().map(Attribute::name).toList();
    }
    Identity id = resource.identity(identity).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no identity '" + identity + "'", null));
    Optional<String> tenantAttribute = TenantScope.attribute(resource);
    if (tenantAttribute.isEmpty() || id.allTenants() || id.keys().contains(tenantAttribute.get())) {
      return id.keys();
    }
    List<String> keys = new ArrayList<>();
    keys.add(tenantAttribute.get());
    keys.addAll(id.keys());
    return keys;
  }

  /** The {@code ON CONFLICT} clause of an upsert on {@code identity} overwriting {@code fields} when {@code condition}. */
  static Upsert of(Model m, String identity, List<String> fields, Expr condition) {
    Resource r = m.resource;
    if (r.postgres().manageTenant().isPresent()) {
      throw new InvalidQueryException("cannot upsert resource " + r.name() + ", which owns a tenant", null);
    }
    List<String> target = new ArrayList<>();
    for (String key : conflictKeys(r, identity)) {
      if (r.attribute(key).isPresent()) {
        target.add(m.column(key));
      } else if (r.postgres().calculationsToSql().containsKey(key)) {
        target.add("(" + RawSql.escapeLiteral(r.postgres().calculationsToSql().get(key),
            "calculationsToSql of " + key + " of resource " + r.name()) + ")");
      } else {
        throw new InvalidQueryException("identity '" + identity + "' of resource " + r.name() + " has key '" + key
            + "', which is neither an attribute nor in calculationsToSql", null);
      }
    }
    List<String> where = new ArrayList<>();
    if (identity != null && !identity.isEmpty() && r.postgres().identityWheresToSql().containsKey(identity)) {
      where.add("(" + RawSql.escapeLiteral(r.postgres().identityWheresToSql().get(identity),
          "identityWheresToSql of " + identity + " of resource " + r.name()) + ")");
    }
    if (m.baseFilter != null) {
      where.add("(" + m.baseFilter + ")");
    }
    Set<String> set = new LinkedHashSet<>();
    for (String f : fields) {
      m.attribute(f);
      set.add(f);
    }
    for (Attribute a : m.attributes) {
      if (a.updateDefault().isPresent() && Defaults.inJava(a.updateDefault().get())) {
        set.add(a.name());
      }
    }
    return new Upsert(target, where.isEmpty() ? null : String.join(" AND ", where), List.copyOf(set), condition);
  }
}
