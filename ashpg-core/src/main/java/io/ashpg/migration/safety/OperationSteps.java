package io.ashpg.migration.safety;

import io.ashpg.migration.ddl.DdlRenderer;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.ddl.TypeCasts;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddAttribute;
import io.ashpg.migration.diff.Operation.AddCheckConstraint;
import io.ashpg.migration.diff.Operation.AddCustomIndex;
import io.ashpg.migration.diff.Operation.AddCustomStatement;
import io.ashpg.migration.diff.Operation.AddExtension;
import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.AddFunction;
import io.ashpg.migration.diff.Operation.AddPrimaryKey;
import io.ashpg.migration.diff.Operation.AddReferenceIndex;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.diff.Operation.AlterDeferrability;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.Direction;
import io.ashpg.migration.diff.Operation.Distribute;
import io.ashpg.migration.diff.Operation.DropForeignKey;
import io.ashpg.migration.diff.Operation.DropTable;
import io.ashpg.migration.diff.Operation.MoveTableSchema;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RemoveCheckConstraint;
import io.ashpg.migration.diff.Operation.RemoveCustomIndex;
import io.ashpg.migration.diff.Operation.RemoveCustomStatement;
import io.ashpg.migration.diff.Operation.RemoveExtension;
import io.ashpg.migration.diff.Operation.RemoveFunction;
import io.ashpg.migration.diff.Operation.RemovePrimaryKey;
import io.ashpg.migration.diff.Operation.RemoveReferenceIndex;
import io.ashpg.migration.diff.Operation.RemoveUniqueIndex;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.diff.Operation.RenameUniqueIndex;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The classification of every {@link Operation} the generator emits: the {@link StepKind}s of the up statements
 * {@link DdlRenderer} writes for it, in order, each with its {@link LockProfile}. A step written commented out (a
 * column or extension drop left for review) takes no lock and is not listed. {@code OperationStepsTest} checks this
 * against the steps the linter reads from the rendered SQL.
 */
public final class OperationSteps {

  private OperationSteps() {
  }

  /** The steps {@code op}'s up statements take, in order. */
  public static List<StepKind> of(Operation op) {
    if (op instanceof CreateTable c) {
      return List.of(c.inlineForeignKeys().isEmpty() ? StepKind.CREATE_TABLE : StepKind.CREATE_TABLE_REFERENCING);
    } else if (op instanceof DropTable) {
      return List.of(StepKind.DROP_TABLE);
    } else if (op instanceof RenameTable) {
      return List.of(StepKind.RENAME_TABLE);
    } else if (op instanceof MoveTableSchema) {
      return List.of(StepKind.SET_SCHEMA);
    } else if (op instanceof AddAttribute a) {
      return List.of(addsRewrite(a.attribute()) ? StepKind.ADD_COLUMN_VOLATILE_DEFAULT : StepKind.ADD_COLUMN);
    } else if (op instanceof AlterAttribute a) {
      return alter(a);
    } else if (op instanceof RenameAttribute) {
      return List.of(StepKind.RENAME_COLUMN);
    } else if (op instanceof RemoveAttribute r) {
      return r.commented() ? List.of() : List.of(StepKind.DROP_COLUMN);
    } else if (op instanceof AddPrimaryKey) {
      return List.of(StepKind.ADD_PRIMARY_KEY);
    } else if (op instanceof RemovePrimaryKey || op instanceof RemoveCheckConstraint) {
      return List.of(StepKind.DROP_CONSTRAINT);
    } else if (op instanceof AddForeignKey) {
      return List.of(StepKind.ADD_FOREIGN_KEY);
    } else if (op instanceof DropForeignKey f) {
      return f.direction() == Direction.DOWN_ONLY ? List.of() : List.of(StepKind.DROP_FOREIGN_KEY);
    } else if (op instanceof AlterDeferrability) {
      return List.of(StepKind.ALTER_CONSTRAINT);
    } else if (op instanceof AddUniqueIndex u) {
      return List.of(u.concurrently() ? StepKind.CREATE_INDEX_CONCURRENTLY : StepKind.CREATE_INDEX);
    } else if (op instanceof AddCustomIndex c) {
      return List.of(c.index().concurrently() ? StepKind.CREATE_INDEX_CONCURRENTLY : StepKind.CREATE_INDEX);
    } else if (op instanceof AddReferenceIndex) {
      return List.of(StepKind.CREATE_INDEX);
    } else if (op instanceof RemoveUniqueIndex || op instanceof RemoveCustomIndex
        || op instanceof RemoveReferenceIndex) {
      return List.of(StepKind.DROP_INDEX);
    } else if (op instanceof RenameUniqueIndex) {
      return List.of(StepKind.RENAME_INDEX);
    } else if (op instanceof AddCheckConstraint) {
      return List.of(StepKind.ADD_CHECK);
    } else if (op instanceof AddCustomStatement || op instanceof RemoveCustomStatement) {
      return List.of(StepKind.CUSTOM_SQL);
    } else if (op instanceof Distribute) {
      return List.of(StepKind.CITUS_PLACEMENT);
    } else if (op instanceof AddExtension || op instanceof AddFunction) {
      return List.of(StepKind.NO_TABLE);
    } else if (op instanceof RemoveExtension || op instanceof RemoveFunction) {
      return List.of(); // written commented out
    }
    throw new IllegalStateException("no classification for " + op.describe());
  }

  /**
   * A column whose existing rows each get a value computed for them: a volatile default, a serial (nextval) or an
   * identity.
   */
  private static boolean addsRewrite(AttributeSnapshot a) {
    return generated(a) || DefaultVolatility.isVolatile(a.defaultValue());
  }

  /**
   * The steps of a column change, read from the statements {@link DdlRenderer} writes for it (they depend on how the
   * column is generated before and after, on the default and on the conversion), with the type change judged by
   * {@link TypeCasts#rewritesTable(AlterAttribute)}: the generator knows both types, where the linter only sees the new
   * one.
   */
  private static List<StepKind> alter(AlterAttribute op) {
    List<StepKind> out = new ArrayList<>();
    for (String statement : new DdlRenderer(RenderContext.GLOBAL).up(op)) {
      for (SqlStep step : SqlSteps.of(statement)) {
        out.add(step.kind() == StepKind.ALTER_COLUMN_TYPE && !TypeCasts.rewritesTable(op)
            ? StepKind.ALTER_COLUMN_TYPE_NO_REWRITE : step.kind());
      }
    }
    return out;
  }

  /** Whether ADD COLUMN of {@code a} fills every existing row from a sequence (serial, identity). */
  private static boolean generated(AttributeSnapshot a) {
    return switch (a.type()) {
      case "identity", "bigserial", "serial", "smallserial" -> true;
      default -> false;
    };
  }
}
