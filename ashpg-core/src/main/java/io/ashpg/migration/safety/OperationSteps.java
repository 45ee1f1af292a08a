package io.ashpg.migration.safety;

import io.ashpg.migration.ddl.DdlRenderer;
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
import java.util.Objects;

/**
 * The classification of every {@link Operation} the generator emits: the {@link StepKind}s of the up statements
 * {@link DdlRenderer} writes for it, in order, each with its {@link LockProfile}. A step written commented out (a
 * column or extension drop left for review) takes no lock and is not listed. {@code OperationStepsTest} checks this
 * against the steps the linter reads from the rendered SQL.
 */
public final class OperationSteps {

  private final TypeRewrites types;

  /** The classification judging type changes by {@code types}. */
  public OperationSteps(TypeRewrites types) {
    this.types = Objects.requireNonNull(types, "types");
  }

  /** The classification judging type changes by {@link TypeRewrites#CONSERVATIVE}. */
  public static OperationSteps conservative() {
    return new OperationSteps(TypeRewrites.CONSERVATIVE);
  }

  /** The steps {@code op}'s up statements take, in order. */
  public List<StepKind> of(Operation op) {
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
    return generator(a) != Generator.NONE || DefaultVolatility.isVolatile(a.defaultValue());
  }

  /** The steps of the ALTER TABLE and statements {@link DdlRenderer} writes for a column change (same order). */
  private List<StepKind> alter(AlterAttribute op) {
    AttributeSnapshot from = op.from();
    AttributeSnapshot to = op.to();
    String fromType = DdlRenderer.storageType(from, op.table());
    String toType = DdlRenderer.storageType(to, op.table());
    Generator was = generator(from);
    Generator becomes = generator(to);
    boolean retyped = !fromType.equals(toType);
    boolean dropSerial = was == Generator.SERIAL && (becomes != Generator.SERIAL || retyped);
    boolean addSerial = becomes == Generator.SERIAL && (was != Generator.SERIAL || retyped);
    List<StepKind> out = new ArrayList<>();
    if (was == Generator.IDENTITY && becomes != Generator.IDENTITY) {
      out.add(StepKind.CHANGE_IDENTITY);
    }
    if (retyped) {
      out.add(types.rewrites(fromType, toType) ? StepKind.ALTER_COLUMN_TYPE : StepKind.ALTER_COLUMN_TYPE_NO_REWRITE);
    }
    String current = was == Generator.SERIAL ? "nextval" : was == Generator.IDENTITY ? null : from.defaultValue();
    String wanted = becomes == Generator.NONE ? to.defaultValue() : null;
    boolean serialKept = was == Generator.SERIAL && !dropSerial;
    if ((!serialKept && !addSerial && ((retyped && wanted != null) || !Objects.equals(current, wanted)))
        || (dropSerial && addSerial)) {
      out.add(StepKind.CHANGE_DEFAULT);
    }
    if (notNull(from) != notNull(to)) {
      out.add(notNull(to) ? StepKind.SET_NOT_NULL : StepKind.DROP_NOT_NULL);
    }
    if (dropSerial) {
      out.add(StepKind.SEQUENCE);
    }
    if (becomes == Generator.IDENTITY && was != Generator.IDENTITY) {
      out.add(StepKind.CHANGE_IDENTITY);
      out.add(StepKind.SEQUENCE_PAST_MAX);
    }
    if (addSerial) {
      out.add(StepKind.SEQUENCE);
      out.add(StepKind.SEQUENCE_PAST_MAX);
      out.add(StepKind.CHANGE_DEFAULT);
    }
    return out;
  }

  /** How the database fills a column: as {@link DdlRenderer} tells serials and identities apart. */
  private enum Generator { NONE, SERIAL, IDENTITY }

  private static Generator generator(AttributeSnapshot a) {
    return switch (a.type()) {
      case "identity" -> Generator.IDENTITY;
      case "bigserial", "serial", "smallserial" -> Generator.SERIAL;
      default -> Generator.NONE;
    };
  }

  private static boolean notNull(AttributeSnapshot a) {
    return !a.allowNil() || a.primaryKey() || generator(a) != Generator.NONE;
  }
}
