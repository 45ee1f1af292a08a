package io.ashpg.migration.generate;

import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.diff.Operation.DropTable;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What safe mode cannot make safe, said as warnings. A rename or a drop is quick for the database but breaks the
 * application instances still running the code that uses the old name until every instance is replaced; a type change
 * rewrites the table under an ACCESS EXCLUSIVE lock. Each warning names the expand–contract steps that avoid it.
 */
final class SafeModeWarnings {

  private SafeModeWarnings() {
  }

  /** The warnings for {@code ops} of {@code repo} ({@code tenant} migrations or public ones). */
  static List<String> of(String repo, boolean tenant, List<Operation> ops) {
    String where = "safe mode (" + repo + (tenant ? " tenant" : "") + " migrations): ";
    List<String> out = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof RenameTable || op instanceof RenameAttribute) {
        out.add(where + op.describe() + " breaks application instances still running the old code: they use the"
            + " old name until every instance is replaced. Without downtime: add the new "
            + (op instanceof RenameTable ? "table" : "column") + ", write both, backfill, switch reads, and drop the"
            + " old one in a later migration (see safe-mode.md, expand and contract)");
      } else if (op instanceof DropTable || (op instanceof RemoveAttribute r && !r.commented())) {
        out.add(where + op.describe() + " breaks application instances still running code that uses it; release"
            + " code that no longer reads or writes it first, then drop it in a later migration");
      } else if (op instanceof AlterAttribute a && retyped(a.from(), a.to())) {
        out.add(where + op.describe() + " changes the column's type, which rewrites the table and its indexes under"
            + " an ACCESS EXCLUSIVE lock unless the types are binary compatible (e.g. varchar(n) to text or to a"
            + " longer varchar); safe mode has no online form for it. Without downtime: add a column of the new type,"
            + " write both, backfill, switch reads, drop the old column later");
      }
    }
    return out;
  }

  private static boolean retyped(AttributeSnapshot from, AttributeSnapshot to) {
    return !from.type().equals(to.type()) || !Objects.equals(from.size(), to.size())
        || !Objects.equals(from.precision(), to.precision()) || !Objects.equals(from.scale(), to.scale());
  }
}
