package io.ashpg.data;

import io.ashpg.error.ConstraintErrorMapper.Operation;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.ManageTenant;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The bulk writes of {@link DataLayer}: bulk create (and bulk upsert), bulk update and bulk destroy by query. */
final class BulkWrites {
  private final DataLayer dl;

  BulkWrites(DataLayer dl) {
    this.dl = dl;
  }

  BulkResult create(Resource resource, List<? extends Map<String, ?>> givenRows, BulkOptions options) {
    if (resource.postgres().manageTenant().filter(ManageTenant::create).isPresent()) {
      throw new InvalidQueryException("bulk create of " + resource.name() + ", which owns a tenant, would create no "
          + "tenant schemas; create its records one by one with create(...)", null);
    }
    Optional<String> rowTenant = TenantScope.tenant(resource, Optional.empty(), dl.tenantScope());
    Model m = dl.model(resource, rowTenant, Optional.empty());
    List<? extends Map<String, ?>> rows = withTenantAttribute(resource, rowTenant, givenRows);
    if (rows.isEmpty()) {
      return new BulkResult(0, List.of());
    }
    BulkInput input = bulkInput(m, rows, dl.config().clock().instant());
    List<Attribute> columns = input.columns();
    List<Object[]> converted = input.rows();
    if (options.upsertCondition() != null) {
      Query.checkAttributes(resource, options.upsertCondition());
    }
    Upsert upsert = options.upsertIdentity() == null ? null
        : Upserts.of(m, options.upsertIdentity(), options.upsertFields(), options.upsertCondition());
    BulkOptions.Method method = options.method();
    if (method == BulkOptions.Method.AUTO) {
      // on Citus, INSERT … SELECT unnest(…) is pulled to the coordinator; VALUES is routed to the tenant's node
      Repo repo = dl.repo(resource);
      boolean citus = repo != null && repo.citus();
      method = !options.returnRecords() && upsert == null ? BulkOptions.Method.COPY
          : BulkWriter.unnestable(columns) && !citus ? BulkOptions.Method.UNNEST : BulkOptions.Method.VALUES;
    }
    if (method == BulkOptions.Method.COPY && (upsert != null || options.returnRecords())) {
      throw new InvalidQueryException("bulk create of " + m.name() + ": COPY cannot upsert or return rows; use "
          + "noReturn() without upsert, or another method", null);
    }
    if (method == BulkOptions.Method.UNNEST && !BulkWriter.unnestable(columns)) {
      throw new InvalidQueryException("bulk create of " + m.name() + ": unnest cannot carry array attributes; use "
          + "Method.VALUES", null);
    }
    Columns returning = options.returnRecords() ? m.allColumns : null;
    BulkOptions.Method chosen = method;
    Map<String, Object> errorValues = rows.size() == 1 ? Map.copyOf(nonNull(rows.get(0))) : Map.of();
    StatementContext ctx = StatementContext.of("bulk_create", resource, rowTenant);
    return dl.run("bulk create of " + m.name(), ctx, m, Operation.CREATE, errorValues, true, st -> {
      if (chosen == BulkOptions.Method.COPY) {
        return new BulkResult(BulkWriter.copy(st, m, columns, converted), List.of());
      }
      int size = chosen == BulkOptions.Method.VALUES
          ? BulkWriter.valuesRowsPerStatement(options.batchSize(), columns.size()) : options.batchSize();
      List<Row> out = new ArrayList<>();
      List<UpsertResult.Outcome> outcomes = new ArrayList<>();
      long count = 0;
      for (List<Object[]> batch : BulkWriter.batches(converted, size)) {
        Sql sql = DataLayer.render(() -> chosen == BulkOptions.Method.VALUES
            ? BulkWriter.values(m, columns, batch, upsert, returning)
            : BulkWriter.unnest(m, columns, batch, upsert, returning));
        if (upsert != null) {
          // every upsert returns whether each row was inserted, so skipped rows are the ones not returned
          for (Upserts.Outcome o : st.query(sql, Upserts.outcomes(returning))) {
            outcomes.add(o.inserted() ? UpsertResult.Outcome.INSERTED : UpsertResult.Outcome.UPDATED);
            if (o.row() != null) {
              out.add(o.row());
            }
            count++;
          }
        } else if (returning == null) {
          count += st.update(sql);
        } else {
          List<Row> got = st.query(sql, returning);
          count += got.size();
          out.addAll(got);
        }
      }
      return new BulkResult(count, out, outcomes, upsert == null ? 0 : converted.size() - count);
    });
  }

  BulkResult update(Query query, Map<String, ?> values, boolean returnRecords) {
    Query q = dl.prepare(query);
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    Map<String, Object> all = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      m.attribute(k);
      if (v instanceof Expr e) {
        Query.checkAttributes(m.resource, e);
      }
      all.put(k, v);
    });
    Writes.addUpdateDefaults(m, all, dl.config().clock().instant());
    if (all.isEmpty()) {
      throw new InvalidQueryException("bulk update of " + m.name() + " sets nothing", null);
    }
    Columns returning = returnRecords ? m.allColumns : null;
    Sql sql = DataLayer.render(() -> WriteRenderer.updateQuery(m, q, all, returning));
    return dl.run("bulk update of " + m.name(), StatementContext.of("bulk_update", q), m, Operation.UPDATE, all,
        false, st -> returning == null ? new BulkResult(st.update(sql), List.of()) : bulk(st.query(sql, returning)));
  }

  BulkResult destroy(Query query, boolean returnRecords) {
    Query q = dl.prepare(query);
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    Columns returning = returnRecords ? m.allColumns : null;
    Sql sql = DataLayer.render(() -> WriteRenderer.deleteQuery(m, q, returning));
    return dl.run("bulk destroy of " + m.name(), StatementContext.of("bulk_destroy", q), m, Operation.DESTROY,
        Map.of(), false,
        st -> returning == null ? new BulkResult(st.update(sql), List.of()) : bulk(st.query(sql, returning)));
  }

  private static BulkResult bulk(List<Row> rows) {
    return new BulkResult(rows.size(), rows);
  }

  /** The rows with the tenant attribute set, for attribute multitenancy (as a single create would set it). */
  private static List<? extends Map<String, ?>> withTenantAttribute(Resource r, Optional<String> tenant,
                                                                    List<? extends Map<String, ?>> rows) {
    Optional<String> attribute = TenantScope.attribute(r);
    if (attribute.isEmpty() || tenant.isEmpty()) {
      return rows;
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.put(attribute.get(), tenant.get());
      out.add(copy);
    }
    return out;
  }

  private static List<Attribute> bulkColumns(Model m, List<? extends Map<String, ?>> rows) {
    Set<String> mentioned = new HashSet<>();
    for (Map<String, ?> row : rows) {
      for (String k : row.keySet()) {
        if (mentioned.add(k)) {
          m.attribute(k);
        }
      }
    }
    List<Attribute> columns = new ArrayList<>();
    for (Attribute a : m.attributes) {
      if (mentioned.contains(a.name())
          || (a.defaultValue().isPresent() && Defaults.inJava(a.defaultValue().get()))) {
        columns.add(a);
      }
    }
    if (columns.isEmpty()) {
      throw new InvalidQueryException("bulk create of " + m.name() + " has no values to insert", null);
    }
    return columns;
  }

  /** The columns of a bulk create and its rows as JDBC values in column order. */
  private record BulkInput(List<Attribute> columns, List<Object[]> rows) {}

  private static BulkInput bulkInput(Model m, List<? extends Map<String, ?>> rows, Instant now) {
    try {
      // One pass when every row names the first row's attributes, the usual case: each map is read once, not once
      // for its keys and again for its values (measured ~3 ms of 10,000 rows' client CPU).
      List<Attribute> columns = bulkColumns(m, rows.subList(0, 1));
      List<Object[]> converted = bulkRows(m, columns, rows, now, true);
      if (converted != null) {
        return new BulkInput(columns, converted);
      }
    } catch (InvalidQueryException e) {
      // the pass below reports it, or the error it has always found first for these rows
    }
    List<Attribute> columns = bulkColumns(m, rows);
    return new BulkInput(columns, bulkRows(m, columns, rows, now, false));
  }

  /**
   * Converts every row to JDBC values in column order. With {@code sameKeys}, returns null as soon as a row names an
   * attribute outside {@code columns} (the caller then takes the columns from every row).
   */
  private static List<Object[]> bulkRows(Model m, List<Attribute> columns, List<? extends Map<String, ?>> rows,
                                         Instant now, boolean sameKeys) {
    int n = columns.size();
    String[] names = new String[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] converters = new Function[n];
    for (int c = 0; c < n; c++) {
      names[c] = columns.get(c).name();
      converters[c] = SqlValues.converter(columns.get(c).type());
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Map<String, ?> row = rows.get(r);
      Object[] values = new Object[n];
      int present = 0;
      for (int c = 0; c < n; c++) {
        Attribute a = columns.get(c);
        // get first: containsKey only for nulls, one map lookup per value in the common case
        Object v = row.get(names[c]);
        if (v != null || row.containsKey(names[c])) {
          present++;
        } else if (a.defaultValue().isPresent() && Defaults.inJava(a.defaultValue().get())) {
          v = Defaults.value(a, a.defaultValue().get(), now);
        } else {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + " does not set '"
              + a.name() + "', which other rows set and which has no default; set it (possibly to null) in every "
              + "row", null);
        }
        if (v instanceof io.ashpg.sql.Expr) {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + " sets '" + a.name()
              + "' to an expression; bulk create takes values only", null);
        }
        try {
          values[c] = v == null ? null : converters[c].apply(v);
        } catch (IllegalArgumentException e) {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + ", attribute '" + a.name()
              + "': " + e.getMessage(), e);
        }
      }
      if (sameKeys && present != row.size()) {
        return null;
      }
      out.add(values);
    }
    return out;
  }

  private static Map<String, Object> nonNull(Map<String, ?> row) {
    Map<String, Object> out = new HashMap<>();
    row.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
