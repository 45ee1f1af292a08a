package io.ashpg.migration.diff;

import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.CreateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders operations so that every operation runs after the operations providing the facts it requires
 * ({@link Facts}): a stable topological sort (Kahn's algorithm; among operations that are ready, the one that
 * came first in the input goes first). Then FKs of new tables are folded into their {@code CREATE TABLE} when
 * everything they need already exists at that point — otherwise they stay a separate {@code ALTER TABLE}.
 *
 * <p>The down direction needs no ordering of its own: it is the reversed list of each operation's exact inverse.
 */
public final class OperationGraph {

  private OperationGraph() {
  }

  /**
   * The operations in dependency order, FKs inlined where possible.
   *
   * @throws OperationCycleException when no order satisfies every dependency
   */
  public static List<Operation> order(List<Operation> operations) {
    return inlineForeignKeys(sort(operations));
  }

  /** The stable topological order alone. */
  public static List<Operation> sort(List<Operation> ops) {
    int n = ops.size();
    Map<Fact, List<Integer>> providers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (Fact f : Facts.provides(ops.get(i))) {
        providers.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
      }
    }
    List<Set<Integer>> successors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      successors.add(new LinkedHashSet<>());
    }
    int[] indegree = new int[n];
    for (int i = 0; i < n; i++) {
      Set<Integer> preds = new HashSet<>();
      for (Fact f : Facts.requires(ops.get(i))) {
        for (int j : providers.getOrDefault(f, List.of())) {
          if (j != i) {
            preds.add(j);
          }
        }
      }
      for (int j : preds) {
        if (successors.get(j).add(i)) {
          indegree[i]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    List<Operation> out = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out.add(ops.get(i));
      for (int s : successors.get(i)) {
        if (--indegree[s] == 0) {
          ready.add(s);
        }
      }
    }
    if (out.size() < n) {
      List<String> stuck = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (indegree[i] > 0) {
          stuck.add(ops.get(i).describe());
        }
      }
      throw new OperationCycleException(stuck);
    }
    return out;
  }

  /**
   * Moves each {@link AddForeignKey} of a table created in this batch into its {@link CreateTable} when every
   * fact the FK requires is provided by that CreateTable itself, by an operation placed before it, or by no
   * operation at all — i.e. the referenced table, columns and unique index exist when the table is created.
   */
  static List<Operation> inlineForeignKeys(List<Operation> sorted) {
    Map<Fact, List<Integer>> providers = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      for (Fact f : Facts.provides(sorted.get(i))) {
        providers.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Integer> createAt = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i) instanceof CreateTable c) {
        createAt.put(Facts.id(c.table()), i);
      }
    }
    List<Operation> out = new ArrayList<>(sorted);
    Set<Integer> removed = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (!(sorted.get(i) instanceof AddForeignKey fk)) {
        continue;
      }
      Integer c = createAt.get(Facts.id(fk.table()));
      if (c == null || c > i) {
        continue;
      }
      boolean satisfied = true;
      for (Fact f : Facts.requires(fk)) {
        for (int p : providers.getOrDefault(f, List.of())) {
          if (p != c && p >= c && p != i) {
            satisfied = false;
          }
        }
      }
      if (satisfied) {
        CreateTable create = (CreateTable) out.get(c);
        List<io.ashpg.migration.snapshot.AttributeSnapshot> inline = new ArrayList<>(create.inlineForeignKeys());
        inline.add(fk.attribute());
        out.set(c, new CreateTable(create.table(), inline));
        removed.add(i);
      }
    }
    List<Operation> result = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (!removed.contains(i)) {
        result.add(out.get(i));
      }
    }
    return result;
  }
}
