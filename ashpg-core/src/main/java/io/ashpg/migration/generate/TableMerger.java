package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Merges the snapshots of several resources stored in one table (AshPostgres's rules): columns by name — the type
 * must be identical, size/precision/scale take the maximum, the default is kept only when every resource agrees,
 * generated if any says so, nullable if any allows nil or a resource that can create rows lacks the column;
 * references must agree; identities, custom indexes, check constraints and statements are united (duplicates by
 * definition dropped, same name with different definitions is an error). Differing primary keys are resolved by a
 * {@link PrimaryKeyChooser}; the keys not chosen become unique identities.
 */
final class TableMerger {

  /** One resource's view of the table. */
  record Part(String resource, TableSnapshot snapshot) {
  }

  private TableMerger() {
  }

  static TableSnapshot merge(TableSlot slot, List<Part> parts, PrimaryKeyChooser chooser) {
    if (parts.size() == 1) {
      return parts.get(0).snapshot();
    }
    TableSnapshot first = parts.get(0).snapshot();
    String table = slot.key().toString();
    same(parts, table, "multitenancy", TableSnapshot::multitenancy, "use the same multitenancy on all of them");
    same(parts, table, "createTableOptions", TableSnapshot::createTableOptions, "set the same options on all of them");

    // columns, in order of first appearance
    Map<String, List<Map.Entry<String, AttributeSnapshot>>> columns = new LinkedHashMap<>();
    for (Part p : parts) {
      for (AttributeSnapshot a : p.snapshot().attributes()) {
        columns.computeIfAbsent(a.source(), k -> new ArrayList<>()).add(Map.entry(p.resource(), a));
      }
    }
    List<String> primaryKey = primaryKey(slot, parts, chooser);
    List<AttributeSnapshot> attributes = new ArrayList<>();
    for (var e : columns.entrySet()) {
      attributes.add(column(table, e.getKey(), e.getValue(), parts, primaryKey.contains(e.getKey())));
    }

    List<IdentitySnapshot> identities = new ArrayList<>();
    for (List<String> other : candidates(parts)) {
      if (!other.equals(primaryKey)) {
        identities.add(KeyIdentity.of(first.table(), other, parts.get(0).resource(), "primary key",
            "shorten the table or column names"));
      }
    }
    identities.addAll(union(parts, table, "identity", TableSnapshot::identities, IdentitySnapshot::name));
    identities = dedupeByDefinition(identities);

    boolean sameBaseFilter = parts.stream().map(p -> p.snapshot().baseFilter()).distinct().count() == 1;
    return new TableSnapshot(first.table(), first.schema(), first.repo(), attributes, identities,
        union(parts, table, "custom index", TableSnapshot::customIndexes, i -> i.resolvedName(first.table())),
        union(parts, table, "check constraint", TableSnapshot::checkConstraints, CheckConstraintSnapshot::name),
        union(parts, table, "custom statement", TableSnapshot::customStatements, CustomStatementSnapshot::name),
        first.multitenancy(), sameBaseFilter ? first.baseFilter() : null,
        parts.stream().anyMatch(p -> p.snapshot().hasCreateAction()), first.createTableOptions(),
        first.distribution());
  }

  private static AttributeSnapshot column(String table, String column, List<Map.Entry<String, AttributeSnapshot>> seen,
      List<Part> parts, boolean primaryKey) {
    Map.Entry<String, AttributeSnapshot> first = seen.get(0);
    AttributeSnapshot a = first.getValue();
    ReferenceSnapshot reference = null;
    String referencedBy = null;
    for (var e : seen) {
      AttributeSnapshot b = e.getValue();
      if (!b.type().equals(a.type())) {
        throw conflict(first.getKey(), e.getKey(), table, "column \"" + column + "\" has type " + a.type() + " in "
            + first.getKey() + " but " + b.type() + " in " + e.getKey() + "; give both attributes the same type "
            + "(or the same migrationType)");
      }
      if (b.references() != null) {
        if (reference != null && !reference.equals(b.references())) {
          throw conflict(referencedBy, e.getKey(), table, "the foreign key of column \"" + column + "\" is "
              + "configured differently (" + describe(reference) + " vs " + describe(b.references()) + "); use the "
              + "same reference(...) options in both");
        }
        reference = b.references();
        referencedBy = e.getKey();
      }
    }
    List<AttributeSnapshot> all = seen.stream().map(Map.Entry::getValue).toList();
    boolean missingForCreator = parts.stream().anyMatch(p -> p.snapshot().hasCreateAction()
        && p.snapshot().attribute(column).isEmpty());
    String defaultValue = all.stream().map(AttributeSnapshot::defaultValue).distinct().count() == 1
        ? a.defaultValue() : null;
    boolean allowNil = !primaryKey && (missingForCreator || all.stream().anyMatch(AttributeSnapshot::allowNil));
    return new AttributeSnapshot(column, a.type(), max(all, AttributeSnapshot::size),
        max(all, AttributeSnapshot::precision), max(all, AttributeSnapshot::scale), defaultValue, allowNil,
        all.stream().anyMatch(AttributeSnapshot::generated), primaryKey, reference);
  }

  private static String describe(ReferenceSnapshot r) {
    return r.name() + " → " + r.table() + "(" + r.destinationAttribute() + ")"
        + (r.onDelete() == null ? "" : " on delete " + r.onDelete())
        + (r.onUpdate() == null ? "" : " on update " + r.onUpdate());
  }

  private static Integer max(List<AttributeSnapshot> all, Function<AttributeSnapshot, Integer> f) {
    return all.stream().map(f).filter(Objects::nonNull).max(Integer::compare).orElse(null);
  }

  /** The distinct, non-empty primary keys of the parts, in resource order. */
  private static List<List<String>> candidates(List<Part> parts) {
    return parts.stream().map(p -> p.snapshot().primaryKey()).filter(k -> !k.isEmpty()).distinct().toList();
  }

  private static List<String> primaryKey(TableSlot slot, List<Part> parts, PrimaryKeyChooser chooser) {
    List<List<String>> candidates = candidates(parts);
    if (candidates.size() <= 1) {
      return candidates.isEmpty() ? List.of() : candidates.get(0);
    }
    return chooser.choose(slot.key(), candidates).orElseThrow(() -> new AmbiguousPrimaryKeyException(slot.key(),
        parts.stream().map(Part::resource).toList(), candidates));
  }

  /** Items of every part; equal ones once; two different ones under one name are an error naming both resources. */
  private static <T> List<T> union(List<Part> parts, String table, String what, Function<TableSnapshot, List<T>> items,
      Function<T, String> name) {
    Map<String, Map.Entry<String, T>> byName = new LinkedHashMap<>();
    for (Part p : parts) {
      for (T item : items.apply(p.snapshot())) {
        Map.Entry<String, T> before = byName.putIfAbsent(name.apply(item), Map.entry(p.resource(), item));
        if (before != null && !before.getValue().equals(item)) {
          throw conflict(before.getKey(), p.resource(), table, what + " \"" + name.apply(item) + "\" is declared "
              + "differently by " + before.getKey() + " and " + p.resource() + "; make the definitions equal or "
              + "rename one");
        }
      }
    }
    return byName.values().stream().map(Map.Entry::getValue).toList();
  }

  /** Identities with the same keys, predicate and options under different names: the first name wins. */
  private static List<IdentitySnapshot> dedupeByDefinition(List<IdentitySnapshot> identities) {
    Map<List<Object>, IdentitySnapshot> byDefinition = new LinkedHashMap<>();
    for (IdentitySnapshot i : identities) {
      byDefinition.putIfAbsent(List.of(i.keys(), Objects.toString(i.where()), Objects.toString(i.baseFilter()),
          i.allTenants(), i.nullsDistinct()), i);
    }
    return List.copyOf(byDefinition.values());
  }

  private static <T> void same(List<Part> parts, String table, String what, Function<TableSnapshot, T> f,
      String fix) {
    T first = f.apply(parts.get(0).snapshot());
    for (Part p : parts) {
      if (!Objects.equals(first, f.apply(p.snapshot()))) {
        throw conflict(parts.get(0).resource(), p.resource(), table, what + " differs between "
            + parts.get(0).resource() + " and " + p.resource() + "; " + fix);
      }
    }
  }

  private static DefinitionException conflict(String a, String b, String table, String message) {
    String text = "resources \"" + a + "\" and \"" + b + "\" share table " + table + ": " + message;
    return new DefinitionException(List.of(new Problem(b, "table", text)));
  }
}
