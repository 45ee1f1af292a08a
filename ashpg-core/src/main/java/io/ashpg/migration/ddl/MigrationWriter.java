package io.ashpg.migration.ddl;

import io.ashpg.migration.diff.Fact;
import io.ashpg.migration.diff.Facts;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddCustomIndex;
import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.Distribute;
import io.ashpg.migration.snapshot.VersionClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns ordered operations into migration files (DESIGN §4):
 *
 * <pre>
 * -- ashpg:up
 * statement;
 *
 * statement;
 * -- ashpg:down
 * inverse of the last statement;
 * …
 * </pre>
 *
 * Each statement ends with {@code ;} and is separated from the next by a blank line. Operations building an index
 * {@code CONCURRENTLY} cannot run inside a transaction: they go into a second file starting with
 * {@code -- ashpg:no-transaction}, after the transactional one; operations that need such an index (an FK on a
 * concurrently built unique index) go into a third, transactional file after it. In safe mode (see {@link SafeForms})
 * the concurrent file runs without a lock timeout ({@code -- ashpg:lock-timeout 0}), and what the safe forms leave to
 * do (validations, backfills, NOT NULL) goes into a last no-transaction file, {@code <name>_validate}.
 */
public final class MigrationWriter {

  /** Marker line: the file runs statement by statement, outside a transaction. */
  public static final String NO_TRANSACTION = "-- ashpg:no-transaction";
  /** Directive line, followed by a time: the file's own lock timeout (see the migrator's MigrationFile). */
  public static final String LOCK_TIMEOUT = "-- ashpg:lock-timeout";
  /** Marker line: start of the up section. */
  public static final String UP = "-- ashpg:up";
  /** Marker line: start of the down section. */
  public static final String DOWN = "-- ashpg:down";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * First statement of a transactional migration that changes Citus tables (up and down alike): a transaction that
   * has run a parallel (multi-shard) command on a distributed table cannot then touch a table with a foreign key to
   * a reference table, and one connection per node avoids that.
   */
  static final String CITUS_SEQUENTIAL = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";

  /** A default-named migration file: {@code <version>_migrate_resources_<n>[_suffix].sql}. */
  private static final Pattern DEFAULT_NAME =
      Pattern.compile("^[0-9]+_migrate_resources_([0-9]+)(_[A-Za-z0-9_]*)?\\.sql$");

  private final DdlRenderer renderer;
  private final boolean safe;

  public MigrationWriter(RenderContext ctx) {
    this(ctx, false);
  }

  /**
   * A writer for {@code ctx}; with {@code safe}, operations on tables that hold data get the forms of
   * {@link SafeForms} (the generator's safe mode), and what they leave to do goes into a last, no-transaction file
   * {@code <name>_validate}.
   */
  public MigrationWriter(RenderContext ctx, boolean safe) {
    this.renderer = new DdlRenderer(ctx);
    this.safe = safe;
  }

  /**
   * The default migration name in {@code dir}: {@code migrate_resources_<n>}, n = the highest number of a file named
   * {@code <version>_migrate_resources_<n>…}, plus one. Dev migrations ({@code …_dev.sql}) do not count: they are squashed
   * into the next normal migration, which takes their number.
   */
  public static String defaultName(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "migrate_resources_1";
    }
    // the highest number in use, not a file count: one run can write several files (_extensions, _concurrently,
    // _after_concurrently) under one number
    try (Stream<Path> files = Files.list(dir)) {
      int n = files.map(p -> p.getFileName().toString()).filter(f -> !f.endsWith("_dev.sql"))
          .map(DEFAULT_NAME::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)))
          .max().orElse(0);
      return "migrate_resources_" + (n + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migration folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Renders {@code ordered} (already in dependency order) as one to three files; empty when there is nothing to
   * do. Versions come from {@code clock}, one per file.
   */
  public List<MigrationFile> write(List<Operation> ordered, String name, VersionClock clock) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("migration name '" + name
          + "' may only contain letters, digits and '_'; choose another name");
    }
    SafeForms forms = safe ? new SafeForms(renderer, ordered) : null;
    Predicate<Operation> isConcurrent = forms != null ? forms::concurrent : MigrationWriter::isConcurrent;
    Function<Operation, List<String>> up = forms != null ? forms::up : renderer::up;
    Function<Operation, List<String>> down = forms != null ? forms::down : renderer::down;
    List<Operation> first = new ArrayList<>();
    List<Operation> concurrent = new ArrayList<>();
    List<Operation> after = new ArrayList<>();
    Set<Fact> fromConcurrent = new HashSet<>();
    for (Operation op : ordered) {
      if (isConcurrent.test(op)) {
        concurrent.add(op);
        fromConcurrent.addAll(Facts.provides(op));
      } else if (requires(op).stream().anyMatch(fromConcurrent::contains)) {
        after.add(op);
        fromConcurrent.addAll(Facts.provides(op));
      } else {
        first.add(op);
      }
    }
    List<MigrationFile> files = new ArrayList<>();
    if (!first.isEmpty()) {
      files.add(render(first, name, clock.next(), false, up, down, null));
    }
    if (!concurrent.isEmpty()) {
      files.add(render(concurrent, name + "_concurrently", clock.next(), true, up, down,
          forms != null ? SafeForms.CONCURRENT_LOCK_TIMEOUT : null));
    }
    if (!after.isEmpty()) {
      files.add(render(after, name + "_after_concurrently", clock.next(), false, up, down, null));
    }
    if (forms != null) {
      List<Operation> followed = ordered.stream().filter(op -> !forms.followUp(op).isEmpty()).toList();
      if (!followed.isEmpty()) {
        files.add(render(followed, name + "_validate", clock.next(), true, op -> forms.followUp(op).up(),
            op -> forms.followUp(op).down(), null));
      }
    }
    return files;
  }

  /**
   * What {@code op} needs, including what the foreign keys folded into a {@code CREATE TABLE} need: such a table
   * referencing a concurrently built unique index must be created after it.
   */
  private static List<Fact> requires(Operation op) {
    List<Fact> out = new ArrayList<>(Facts.requires(op));
    if (op instanceof CreateTable c) {
      c.inlineForeignKeys().forEach(a -> out.addAll(Facts.requires(new AddForeignKey(c.table(), a))));
    }
    return out;
  }

  /**
   * Whether {@code op} builds an index CONCURRENTLY. Dropping one is not: moved into the later no-transaction file,
   * a drop would run after changes its rollback depends on (a renamed column, a moved table), and the rollback would
   * re-create the index over names that do not exist yet; inside the transaction it keeps its place in the order.
   */
  public static boolean isConcurrent(Operation op) {
    return (op instanceof AddUniqueIndex u && u.concurrently())
        || (op instanceof AddCustomIndex a && a.index().concurrently());
  }

  /** One file's text for {@code ops} (in order). */
  public MigrationFile render(List<Operation> ops, String name, String version, boolean noTransaction) {
    return render(ops, name, version, noTransaction, renderer::up, renderer::down, null);
  }

  /** {@link #render(List, String, String, boolean)} with these forms and, unless null, a file lock timeout. */
  private MigrationFile render(List<Operation> ops, String name, String version, boolean noTransaction,
      Function<Operation, List<String>> upOf, Function<Operation, List<String>> downOf, String lockTimeout) {
    StringBuilder sb = new StringBuilder();
    if (noTransaction) {
      sb.append(NO_TRANSACTION).append('\n');
    }
    if (lockTimeout != null) {
      sb.append(LOCK_TIMEOUT).append(' ').append(lockTimeout).append('\n');
    }
    sb.append(UP).append('\n');
    boolean sequential = !noTransaction && ops.stream().anyMatch(MigrationWriter::touchesCitusTable);
    List<String> up = new ArrayList<>();
    if (sequential) {
      up.add(CITUS_SEQUENTIAL);
    }
    ops.forEach(op -> up.addAll(upOf.apply(op)));
    appendStatements(sb, up);
    sb.append(DOWN).append('\n');
    List<String> down = new ArrayList<>();
    if (sequential) {
      down.add(CITUS_SEQUENTIAL);
    }
    for (int i = ops.size() - 1; i >= 0; i--) {
      down.addAll(downOf.apply(ops.get(i)));
    }
    appendStatements(sb, down);
    return new MigrationFile(version, name, sb.toString(), noTransaction, ops);
  }

  /** Whether {@code op} changes a distributed or reference table, or a table's placement. */
  private static boolean touchesCitusTable(Operation op) {
    return op instanceof Distribute || (op.table() != null && op.table().distribution() != null);
  }

  private static void appendStatements(StringBuilder sb, List<String> statements) {
    for (int i = 0; i < statements.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(statements.get(i)).append(";\n");
    }
  }
}
