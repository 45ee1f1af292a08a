package io.ashpg.migration.ddl;

import static io.ashpg.migration.run.MigrationUtilities.literal;
import static io.ashpg.sql.Identifier.quote;

import io.ashpg.migration.diff.IndexDefinitions;
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
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Names;
import io.ashpg.sql.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders operations as PostgreSQL DDL, following ecto_sql's conventions so migrations read like AshPostgres's:
 * every identifier double-quoted, columns as {@code "c" type DEFAULT x NOT NULL}, FKs as
 * {@code CONSTRAINT "t_c_fkey" FOREIGN KEY (…) REFERENCES "t"("id") …}, the primary key as a trailing
 * {@code CONSTRAINT "t_pkey" PRIMARY KEY (…)}, index drops as {@code DROP INDEX IF EXISTS}.
 *
 * <p>Each method returns statements without the terminating semicolon. A statement starting with {@code --} is
 * a comment (a step written out for manual review, not executed).
 */
public final class DdlRenderer {

  /** Characters allowed in a type name: it is written unquoted, so nothing that could end or comment a statement. */
  private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ .\"]*(\\([0-9, ]*\\))?[A-Za-z0-9_ ]*(\\[[0-9]*\\])*");

  private final RenderContext ctx;

  public DdlRenderer(RenderContext ctx) {
    this.ctx = ctx;
  }

  /** The statements that apply {@code op}. */
  public List<String> up(Operation op) {
    List<String> s = new ArrayList<>();
    if (op instanceof CreateTable c) {
      s.addAll(createTable(c.table(), c.inlineForeignKeys()));
    } else if (op instanceof DropTable d) {
      s.add("DROP TABLE " + table(d.table()));
    } else if (op instanceof RenameTable r) {
      s.add("ALTER TABLE " + qualified(r.table(), r.from()) + " RENAME TO " + quote(r.table().table()));
      if (r.renamePrimaryKey()) {
        s.add(alter(r.table()) + "RENAME CONSTRAINT " + quote(r.from() + "_pkey") + " TO "
            + quote(r.table().table() + "_pkey"));
      }
    } else if (op instanceof MoveTableSchema m) {
      s.addAll(moveSchema(m.table().table(), m.fromSchema(), m.table().schema()));
    } else if (op instanceof AddAttribute a) {
      s.add(alter(a.table()) + "ADD COLUMN " + column(a.attribute(), a.table()));
    } else if (op instanceof AlterAttribute a) {
      s.addAll(alterColumn(a.table(), a.from(), a.to(), a.conversion() == null ? null : a.conversion().up()));
    } else if (op instanceof RenameAttribute r) {
      s.add(alter(r.table()) + "RENAME " + quote(r.from()) + " TO " + quote(r.to()));
    } else if (op instanceof RemoveAttribute r) {
      String sql = alter(r.table()) + "DROP COLUMN " + quote(r.attribute().source());
      s.add(r.commented() ? comment(sql) : sql);
    } else if (op instanceof AddPrimaryKey p) {
      s.add(alter(p.table()) + "ADD CONSTRAINT " + quote(p.table().table() + "_pkey") + " PRIMARY KEY ("
          + columns(p.columns()) + ")");
    } else if (op instanceof RemovePrimaryKey p) {
      s.add(alter(p.table()) + "DROP CONSTRAINT " + quote(p.constraintName()));
    } else if (op instanceof AddForeignKey f) {
      s.add(alter(f.table()) + "ADD " + foreignKey(f.table(), f.attribute()));
    } else if (op instanceof DropForeignKey f) {
      if (f.direction() != Direction.DOWN_ONLY) {
        s.add(dropConstraint(f.table(), f.attribute().references().name()));
      }
    } else if (op instanceof AlterDeferrability d) {
      s.add(alterDeferrability(d.table(), d.attribute().references().name(), d.attribute().references().deferrable()));
    } else if (op instanceof AddUniqueIndex u) {
      s.add(createUniqueIndex(u.table(), u.identity(), u.concurrently()));
    } else if (op instanceof RemoveUniqueIndex u) {
      s.add(dropIndex(u.table(), null, u.identity().indexName(), false));
    } else if (op instanceof RenameUniqueIndex r) {
      s.add("ALTER INDEX " + indexName(r.table(), null, r.from()) + " RENAME TO " + quote(r.identity().indexName()));
    } else if (op instanceof AddCustomIndex c) {
      s.add(createCustomIndex(c.table(), c.index(), c.index().concurrently()));
    } else if (op instanceof RemoveCustomIndex c) {
      // dropped inside the transaction even when it was built concurrently (see MigrationWriter.isConcurrent)
      s.add(dropIndex(c.table(), c.index().prefix(), c.index().resolvedName(c.table().table()), false));
    } else if (op instanceof AddReferenceIndex r) {
      s.add(createReferenceIndex(r.table(), r.attribute(), r.indexName()));
    } else if (op instanceof RemoveReferenceIndex r) {
      s.add(dropIndex(r.table(), null, r.indexName(), false));
    } else if (op instanceof AddCheckConstraint c) {
      s.add(addCheck(c.table(), c.constraint()));
    } else if (op instanceof RemoveCheckConstraint c) {
      s.add(alter(c.table()) + "DROP CONSTRAINT IF EXISTS " + quote(c.constraint().name()));
    } else if (op instanceof AddCustomStatement c) {
      s.add(verbatim(c.statement().up()));
    } else if (op instanceof RemoveCustomStatement c) {
      s.add(verbatim(c.statement().down()));
    } else if (op instanceof Distribute d) {
      s.addAll(place(d.table(), d.from(), d.to()));
    } else if (op instanceof AddExtension e) {
      s.add("CREATE EXTENSION IF NOT EXISTS " + quote(e.name()));
    } else if (op instanceof RemoveExtension e) {
      s.add(comment("DROP EXTENSION IF EXISTS " + quote(e.name())));
    } else if (op instanceof AddFunction f) {
      s.add(function(f.name()).install());
    } else if (op instanceof RemoveFunction f) {
      // never dropped for real: tenant migrations already written call it in their column defaults, and a tenant
      // created later (or a database rebuilt from the migrations) replays them; left for a person, like extensions
      s.add(comment("no column default uses " + f.name() + "() any more, but earlier (tenant) migrations do when they"
          + " are replayed;\nuncomment to drop it once no database will replay them\n" + function(f.name()).uninstall()));
    } else {
      throw new IllegalStateException("no renderer for " + op);
    }
    return s;
  }

  private static AshpgFunction function(String name) {
    return AshpgFunction.named(name).orElseThrow(() -> new IllegalArgumentException("function " + name
        + "() is not one ashpg installs; fix the \"functions\" list of the repo's extensions.json"));
  }

  /** The statements that undo {@code op} (its exact inverse, or a comment where undoing is left to a person). */
  public List<String> down(Operation op) {
    List<String> s = new ArrayList<>();
    if (op instanceof CreateTable c) {
      s.add("DROP TABLE " + table(c.table()));
    } else if (op instanceof DropTable d) {
      s.addAll(recreate(d.table()));
    } else if (op instanceof RenameTable r) {
      if (r.renamePrimaryKey()) {
        s.add(alter(r.table()) + "RENAME CONSTRAINT " + quote(r.table().table() + "_pkey") + " TO "
            + quote(r.from() + "_pkey"));
      }
      s.add("ALTER TABLE " + table(r.table()) + " RENAME TO " + quote(r.from()));
    } else if (op instanceof MoveTableSchema m) {
      s.add("ALTER TABLE " + Identifier.qualified(publicIfNull(m.table().schema()), m.table().table())
          + " SET SCHEMA " + quote(publicIfNull(m.fromSchema())));
    } else if (op instanceof AddAttribute a) {
      s.add(alter(a.table()) + "DROP COLUMN " + quote(a.attribute().source()));
    } else if (op instanceof AlterAttribute a) {
      s.addAll(alterColumn(a.table(), a.to(), a.from(), a.conversion() == null ? null : a.conversion().down()));
    } else if (op instanceof RenameAttribute r) {
      s.add(alter(r.table()) + "RENAME " + quote(r.to()) + " TO " + quote(r.from()));
    } else if (op instanceof RemoveAttribute r) {
      String sql = alter(r.table()) + "ADD COLUMN " + column(r.attribute(), r.table());
      s.add(r.commented() ? comment(sql) : sql);
      if (r.commented()) {
        // uncommenting the up drops the column with its foreign key and index (PostgreSQL drops them along); the
        // commented down must bring all three back, not a bare column (dropped removals get separate operations)
        AttributeSnapshot a = r.attribute();
        if (a.references() != null) {
          s.add(comment(alter(r.table()) + "ADD " + foreignKey(r.table(), a)));
        }
        referenceIndex(r.table(), a).ifPresent(index -> s.add(comment(index)));
      }
    } else if (op instanceof AddPrimaryKey p) {
      s.add(alter(p.table()) + "DROP CONSTRAINT " + quote(p.table().table() + "_pkey"));
    } else if (op instanceof RemovePrimaryKey p) {
      s.add(alter(p.table()) + "ADD CONSTRAINT " + quote(p.constraintName()) + " PRIMARY KEY ("
          + columns(p.columns()) + ")");
    } else if (op instanceof AddForeignKey f) {
      s.add(dropConstraint(f.table(), f.attribute().references().name()));
    } else if (op instanceof DropForeignKey f) {
      if (f.direction() == Direction.BOTH) {
        s.add(alter(f.table()) + "ADD " + foreignKey(f.table(), f.attribute()));
      } else if (f.direction() == Direction.DOWN_ONLY) {
        s.add(dropConstraint(f.table(), f.attribute().references().name()));
      }
    } else if (op instanceof AlterDeferrability d) {
      s.add(alterDeferrability(d.table(), d.attribute().references().name(), d.from()));
    } else if (op instanceof AddUniqueIndex u) {
      s.add(dropIndex(u.table(), null, u.identity().indexName(), u.concurrently()));
    } else if (op instanceof RemoveUniqueIndex u) {
      s.add(createUniqueIndex(u.table(), u.identity(), false));
    } else if (op instanceof RenameUniqueIndex r) {
      s.add("ALTER INDEX " + indexName(r.table(), null, r.identity().indexName()) + " RENAME TO " + quote(r.from()));
    } else if (op instanceof AddCustomIndex c) {
      s.add(dropIndex(c.table(), c.index().prefix(), c.index().resolvedName(c.table().table()),
          c.index().concurrently()));
    } else if (op instanceof RemoveCustomIndex c) {
      s.add(createCustomIndex(c.table(), c.index(), false));
    } else if (op instanceof AddReferenceIndex r) {
      s.add(dropIndex(r.table(), null, r.indexName(), false));
    } else if (op instanceof RemoveReferenceIndex r) {
      s.add(createReferenceIndex(r.table(), r.attribute(), r.indexName()));
    } else if (op instanceof AddCheckConstraint c) {
      s.add(alter(c.table()) + "DROP CONSTRAINT IF EXISTS " + quote(c.constraint().name()));
    } else if (op instanceof RemoveCheckConstraint c) {
      s.add(addCheck(c.table(), c.constraint()));
    } else if (op instanceof AddCustomStatement c) {
      s.add(verbatim(c.statement().down()));
    } else if (op instanceof RemoveCustomStatement c) {
      s.add(verbatim(c.statement().up()));
    } else if (op instanceof Distribute d) {
      if (d.before() != null) {
        s.addAll(place(d.table(), d.to(), d.from()));
      } // a new table: rolling back drops it, shards and all
    } else if (op instanceof AddExtension e) {
      s.add(comment("DROP EXTENSION IF EXISTS " + quote(e.name())));
    } else if (op instanceof RemoveExtension e) {
      s.add(comment("CREATE EXTENSION IF NOT EXISTS " + quote(e.name())));
    } else if (op instanceof AddFunction f) {
      // kept when rolled back too: a migration rolled back after this one may need it again (a table it drops is
      // re-created, a default it changes is restored), and with the removal left for a person (see up) this may be a
      // second install of a function older migrations use
      s.add(comment("rolling back leaves " + f.name() + "(): migrations rolled back after this one may use it again;"
          + "\nuncomment to drop it with this migration's rollback\n" + function(f.name()).uninstall()));
    } else if (op instanceof RemoveFunction f) {
      s.add(comment(function(f.name()).install()));
    } else {
      throw new IllegalStateException("no renderer for " + op);
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------- tables

  private List<String> createTable(TableSnapshot t, List<AttributeSnapshot> inlineFks) {
    List<String> out = new ArrayList<>();
    if (!ctx.tenant() && t.schema() != null && ctx.createSchemas()) {
      out.add("CREATE SCHEMA IF NOT EXISTS " + quote(t.schema()));
    }
    List<String> lines = new ArrayList<>();
    for (AttributeSnapshot a : t.attributes()) {
      lines.add(column(a, t));
    }
    for (AttributeSnapshot a : inlineFks) {
      lines.add(foreignKey(t, a));
    }
    if (!t.primaryKey().isEmpty()) {
      lines.add("CONSTRAINT " + quote(t.table() + "_pkey") + " PRIMARY KEY (" + columns(t.primaryKey()) + ")");
    }
    StringBuilder sb = new StringBuilder("CREATE TABLE ").append(table(t)).append(" (\n");
    sb.append(lines.stream().map(l -> "  " + l).collect(Collectors.joining(",\n")));
    sb.append("\n)");
    if (t.createTableOptions() != null && !t.createTableOptions().isBlank()) {
      sb.append(' ').append(t.createTableOptions().trim());
    }
    out.add(sb.toString());
    return out;
  }

  /**
   * Undoing a DROP TABLE: the table with its FKs inline, then its indexes and check constraints. A Citus table is
   * placed right after its CREATE TABLE and gets its FKs last, once it is placed (see {@link Distribute}).
   */
  private List<String> recreate(TableSnapshot t) {
    // a key to the table itself may point at one of its unique indexes: added once they exist
    List<AttributeSnapshot> keys = t.attributes().stream().filter(a -> a.references() != null).toList();
    List<AttributeSnapshot> laterKeys = t.distribution() != null ? keys
        : keys.stream().filter(a -> referencesItself(t, a.references())).toList();
    List<String> out = new ArrayList<>(createTable(t, keys.stream().filter(a -> !laterKeys.contains(a)).toList()));
    out.addAll(place(t, null, t.distribution()));
    t.identities().forEach(i -> out.add(createUniqueIndex(t, i, false)));
    t.attributes().forEach(a -> referenceIndex(t, a).ifPresent(out::add));
    t.checkConstraints().stream().filter(c -> c.check() != null).forEach(c -> out.add(addCheck(t, c)));
    t.customIndexes().forEach(i -> out.add(createCustomIndex(t, i, false)));
    laterKeys.forEach(a -> out.add(alter(t) + "ADD " + foreignKey(t, a)));
    return out;
  }

  /**
   * Citus calls taking table {@code t} from placement {@code from} to {@code to} (null: local): undistribute, then
   * distribute. The table is a {@code regclass} literal (the quoted name as a string); the distribution column is
   * a plain column name, which Citus does not unquote.
   */
  private List<String> place(TableSnapshot t, DistributionSnapshot from, DistributionSnapshot to) {
    if (ctx.tenant() && (from != null || to != null)) {
      throw new IllegalStateException("table " + t.table() + " lives in tenant schemas, which Citus distributes"
          + " whole; it has no placement of its own");
    }
    List<String> out = new ArrayList<>();
    String table = literal(table(t));
    if (from != null) {
      out.add("SELECT undistribute_table(" + table + ")");
    }
    if (to != null && to.isReference()) {
      out.add("SELECT create_reference_table(" + table + ")");
    } else if (to != null) {
      String column = literal(Identifier.validate(to.column(), "table " + t.table() + ", distribution column"));
      String colocate = to.colocateWith() == null ? ""
          : ", colocate_with => " + literal(Identifier.qualified(to.colocateWith().schema(), to.colocateWith().table()));
      out.add("SELECT create_distributed_table(" + table + ", " + column + colocate + ")");
    }
    return out;
  }

  /** The CREATE INDEX of the FK column {@code a} under its generated name, if its reference asks for one. */
  private Optional<String> referenceIndex(TableSnapshot t, AttributeSnapshot a) {
    return IndexDefinitions.hasReferenceIndex(a)
        ? Optional.of(createReferenceIndex(t, a, IndexDefinitions.referenceIndexName(t.table(), t, a)))
        : Optional.empty();
  }

  private static boolean referencesItself(TableSnapshot t, ReferenceSnapshot r) {
    if (!r.table().equals(t.table())) {
      return false;
    }
    if (t.isTenant()) {
      return r.multitenancy().isContext();
    }
    return publicIfNull(r.schema()).equals(publicIfNull(t.schema()));
  }

  private List<String> moveSchema(String tableName, String from, String to) {
    List<String> out = new ArrayList<>();
    if (to != null && ctx.createSchemas()) {
      out.add("CREATE SCHEMA IF NOT EXISTS " + quote(to));
    }
    out.add("ALTER TABLE " + Identifier.qualified(publicIfNull(from), tableName) + " SET SCHEMA "
        + quote(publicIfNull(to)));
    return out;
  }

  private static String publicIfNull(String schema) {
    return schema == null ? "public" : schema;
  }

  // ---------------------------------------------------------------------------------------------- columns

  private String column(AttributeSnapshot a, TableSnapshot t) {
    StringBuilder sb = new StringBuilder(quote(a.source())).append(' ').append(type(a, t, false));
    if (a.defaultValue() != null && !isGeneratedType(a.type())) {
      sb.append(" DEFAULT ").append(a.defaultValue());
    }
    if (!a.allowNil() || a.primaryKey()) {
      sb.append(" NOT NULL");
    }
    return sb.toString();
  }

  private static boolean isGeneratedType(String type) {
    return type.equals("identity") || type.equals("bigserial") || type.equals("serial")
        || type.equals("smallserial");
  }

  /**
   * The type {@code ALTER COLUMN … TYPE} gives column {@code a} of table {@code t} (serial and identity as their
   * storage types), e.g. {@code varchar(40)}: what a type change is judged on.
   */
  public static String storageType(AttributeSnapshot a, TableSnapshot t) {
    return type(a, t, true);
  }

  /**
   * The SQL type. {@code forAlter}: the plain storage type ({@code bigserial}, {@code serial} and
   * {@code identity} are column shorthands that {@code ALTER COLUMN … TYPE} does not accept).
   */
  static String type(AttributeSnapshot a, TableSnapshot t, boolean forAlter) {
    String type = a.type().trim();
    switch (type) {
      case "identity":
        return forAlter ? "bigint" : "bigint GENERATED BY DEFAULT AS IDENTITY";
      case "bigserial":
        return forAlter ? "bigint" : type;
      case "serial":
        return forAlter ? "integer" : type;
      case "smallserial":
        return forAlter ? "smallint" : type;
      default:
        break;
    }
    if (!TYPE.matcher(type).matches() || type.contains("--")) {
      throw new IllegalArgumentException("table " + t.table() + ", column " + a.source() + ": type '" + type
          + "' is not a valid PostgreSQL type name; use a plain type such as text, numeric(10,2) or text[]");
    }
    if (type.indexOf('(') < 0) {
      String array = "";
      int bracket = type.indexOf('[');
      if (bracket >= 0) {
        array = type.substring(bracket);
        type = type.substring(0, bracket);
      }
      if (a.size() != null) {
        type = type + "(" + a.size() + ")";
      } else if (a.precision() != null) {
        type = type + "(" + a.precision() + (a.scale() != null ? "," + a.scale() : "") + ")";
      }
      type = type + array;
    }
    return type;
  }

  /** How the database fills a column without a value: not at all (or its DEFAULT), a serial, an identity. */
  private enum Generator { NONE, SERIAL, IDENTITY }

  private static Generator generator(AttributeSnapshot a) {
    return a.type().equals("identity") ? Generator.IDENTITY
        : isGeneratedType(a.type()) ? Generator.SERIAL : Generator.NONE;
  }

  /** NOT NULL as PostgreSQL has it: serial and identity columns are always NOT NULL. */
  private static boolean notNull(AttributeSnapshot a) {
    return !a.allowNil() || a.primaryKey() || generator(a) != Generator.NONE;
  }

  /**
   * Changes a column from {@code from} to {@code to}. Moving between a plain column, a serial and an identity
   * replaces the generator: a serial's default and owned sequence are dropped (its sequence has the column's type,
   * so a serial changing width gets a new one), an identity is dropped with its sequence; a new serial gets the
   * sequence {@code <table>_<column>_seq} owned by the column, a new identity is added, and either continues past
   * the largest value in the table, so existing rows never collide with generated ones.
   *
   * <p>A type change converts with {@code using} (the user's expression) when given, else with PostgreSQL's cast
   * ({@link TypeCasts}): {@code USING "c"::t} when it is explicit only. The old default is dropped before the type
   * changes (PostgreSQL would otherwise convert it, and refuse when it has no cast) and the new one set after.
   */
  private List<String> alterColumn(TableSnapshot t, AttributeSnapshot from, AttributeSnapshot to, String using) {
    String c = "ALTER COLUMN " + quote(to.source()) + " ";
    String fromType = type(from, t, true);
    String toType = type(to, t, true);
    Generator was = generator(from);
    Generator becomes = generator(to);
    boolean dropSerial = was == Generator.SERIAL && (becomes != Generator.SERIAL || !fromType.equals(toType));
    boolean addSerial = becomes == Generator.SERIAL && (was != Generator.SERIAL || !fromType.equals(toType));

    List<String> parts = new ArrayList<>();
    if (was == Generator.IDENTITY && becomes != Generator.IDENTITY) {
      parts.add(c + "DROP IDENTITY IF EXISTS");
    }
    // the default the column has now: a serial's nextval(...), an identity none
    String current = was == Generator.SERIAL ? "nextval" : was == Generator.IDENTITY ? null : from.defaultValue();
    String wanted = becomes == Generator.NONE ? to.defaultValue() : null;
    if (!fromType.equals(toType)) {
      // ALTER TABLE runs a DROP DEFAULT before the type change wherever it is listed, but a SET DEFAULT after it: a
      // default being replaced is dropped explicitly, so the type change never has to convert it
      if (current != null && wanted != null) {
        parts.add(c + "DROP DEFAULT");
      }
      parts.add(c + "TYPE " + toType + usingClause(t, from, to, toType, using));
    }
    boolean serialKept = was == Generator.SERIAL && !dropSerial;
    // a retyped column's default is set again: PostgreSQL would keep it as written for the old type ('x'::text on
    // a varchar column), unlike the same default declared on the new type
    boolean retypedDefault = !fromType.equals(toType) && wanted != null;
    boolean droppedFirst = parts.contains(c + "DROP DEFAULT");
    if (!serialKept && !addSerial && (retypedDefault || !Objects.equals(current, wanted))) {
      if (wanted != null || !droppedFirst) {
        parts.add(wanted == null ? c + "DROP DEFAULT" : c + "SET DEFAULT " + wanted);
      }
    } else if (dropSerial && addSerial && !droppedFirst) {
      parts.add(c + "DROP DEFAULT");
    }
    if (notNull(from) != notNull(to)) {
      parts.add(c + (notNull(to) ? "SET NOT NULL" : "DROP NOT NULL"));
    }
    List<String> out = new ArrayList<>();
    if (!parts.isEmpty()) {
      out.add(alter(t) + String.join(", ", parts));
    }
    if (dropSerial) {
      out.add(dropOwnedSequence(t, to.source()));
    }
    if (becomes == Generator.IDENTITY && was != Generator.IDENTITY) {
      out.add(alter(t) + c + "ADD GENERATED BY DEFAULT AS IDENTITY");
      out.add(continuePastMax(t, to.source(), "pg_get_serial_sequence(" + literal(table(t)) + ", "
          + literal(to.source()) + ")"));
    }
    if (addSerial) {
      String sequence = qualified(t, Names.serialSequence(t.table(), to.source()));
      out.add("CREATE SEQUENCE " + sequence + " AS " + toType + " OWNED BY " + table(t) + "." + quote(to.source()));
      out.add(continuePastMax(t, to.source(), literal(sequence)));
      out.add(alter(t) + c + "SET DEFAULT nextval(" + literal(sequence) + "::regclass)");
    }
    return out;
  }

  /**
   * The {@code USING} clause of a type change from {@code from} to {@code to}: the user's expression, a cast to
   * {@code toType} when PostgreSQL has only an explicit one, nothing when it converts on assignment.
   *
   * @throws TypeChangeRefusedException when PostgreSQL has no cast and no expression is given
   */
  private String usingClause(TableSnapshot t, AttributeSnapshot from, AttributeSnapshot to, String toType,
      String using) {
    if (using != null) {
      return " USING " + using;
    }
    TypeCasts.Cast cast = TypeCasts.cast(from, to);
    if (!cast.exists()) {
      throw new TypeChangeRefusedException(TypeChangeRefusedException.describe(t), to.source(), type(from, t, true),
          toType, false);
    }
    return cast.needsUsing() ? " USING " + quote(to.source()) + "::" + toType : "";
  }

  /**
   * Drops the sequence a serial column owns (found by {@code pg_get_serial_sequence}: a renamed table keeps its
   * sequence's old name). Its default must not use the sequence any more.
   */
  private String dropOwnedSequence(TableSnapshot t, String column) {
    return "DO $$\nDECLARE\n  owned text := pg_get_serial_sequence(" + literal(table(t)) + ", " + literal(column)
        + ");\nBEGIN\n  IF owned IS NOT NULL THEN\n    EXECUTE 'DROP SEQUENCE ' || owned;\n  END IF;\nEND\n$$";
  }

  /** Sets {@code sequence} (an SQL expression giving it) so its next value is past every value of the column. */
  private String continuePastMax(TableSnapshot t, String column, String sequence) {
    return "SELECT setval(" + sequence + ", GREATEST(COALESCE(max(" + quote(column) + "), 0), 0) + 1, false) FROM "
        + table(t);
  }

  // ---------------------------------------------------------------------------------------------- constraints

  private String foreignKey(TableSnapshot t, AttributeSnapshot a) {
    ReferenceSnapshot r = a.references();
    StringBuilder sb = new StringBuilder("CONSTRAINT ").append(quote(r.name()))
        .append(" FOREIGN KEY (").append(columns(IndexDefinitions.fkSourceColumns(a))).append(") REFERENCES ")
        .append(referencedTable(r)).append('(').append(columns(IndexDefinitions.fkDestinationColumns(r)))
        .append(')');
    if (r.matchType() != null) {
      sb.append(" MATCH ").append(r.matchType().toUpperCase(java.util.Locale.ROOT));
    }
    if (r.onDelete() != null) {
      switch (r.onDelete()) {
        case "delete" -> sb.append(" ON DELETE CASCADE");
        case "restrict" -> sb.append(" ON DELETE RESTRICT");
        case "nilify" -> {
          sb.append(" ON DELETE SET NULL");
          if (!r.onDeleteNilifyColumns().isEmpty()) {
            sb.append(" (").append(columns(r.onDeleteNilifyColumns())).append(')');
          }
        }
        default -> { } // "nothing": PostgreSQL's default, no clause (as ecto_sql)
      }
    }
    if (r.onUpdate() != null) {
      switch (r.onUpdate()) {
        case "update" -> sb.append(" ON UPDATE CASCADE");
        case "restrict" -> sb.append(" ON UPDATE RESTRICT");
        case "nilify" -> sb.append(" ON UPDATE SET NULL");
        default -> { }
      }
    }
    if (r.deferrable() != Deferrable.NO) {
      sb.append(deferrability(r.deferrable()));
    }
    return sb.toString();
  }

  private static String deferrability(Deferrable d) {
    return switch (d) {
      case NO -> " NOT DEFERRABLE";
      case IMMEDIATE -> " DEFERRABLE INITIALLY IMMEDIATE";
      case DEFERRED -> " DEFERRABLE INITIALLY DEFERRED";
    };
  }

  private String alterDeferrability(TableSnapshot t, String name, Deferrable d) {
    return alter(t) + "ALTER CONSTRAINT " + quote(name) + deferrability(d);
  }

  /** The referenced table: tenant tables unqualified from tenant migrations, global ones qualified there. */
  private String referencedTable(ReferenceSnapshot r) {
    if (ctx.tenant()) {
      if (r.multitenancy().isContext()) {
        return quote(r.table());
      }
      return Identifier.qualified(r.schema() == null ? ctx.globalSchema() : r.schema(), r.table());
    }
    return Identifier.qualified(r.schema(), r.table());
  }

  private String dropConstraint(TableSnapshot t, String name) {
    return alter(t) + "DROP CONSTRAINT " + quote(name);
  }

  private String addCheck(TableSnapshot t, CheckConstraintSnapshot c) {
    return alter(t) + "ADD CONSTRAINT " + quote(c.name()) + " CHECK (" + IndexDefinitions.checkExpression(c) + ")";
  }

  // ---------------------------------------------------------------------------------------------- indexes

  private String createUniqueIndex(TableSnapshot t, IdentitySnapshot i, boolean concurrently) {
    StringBuilder sb = new StringBuilder("CREATE UNIQUE INDEX ").append(concurrently ? "CONCURRENTLY " : "")
        .append(quote(i.indexName())).append(" ON ")
        .append(table(t)).append(" (").append(fields(IndexDefinitions.identityKeys(t, i))).append(')');
    if (!i.nullsDistinct()) {
      sb.append(" NULLS NOT DISTINCT");
    }
    String where = IndexDefinitions.identityWhere(i);
    if (where != null) {
      sb.append(" WHERE ").append(where);
    }
    return sb.toString();
  }

  private String createCustomIndex(TableSnapshot t, CustomIndexSnapshot i, boolean concurrently) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (i.unique()) {
      sb.append("UNIQUE ");
    }
    sb.append("INDEX ");
    if (concurrently) {
      sb.append("CONCURRENTLY ");
    }
    sb.append(quote(i.resolvedName(t.table()))).append(" ON ").append(tableWithPrefix(t, i.prefix()));
    if (i.using() != null) {
      if (!i.using().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("table " + t.table() + ", index " + i.resolvedName(t.table())
            + ": using '" + i.using() + "' is not an index method name (e.g. gin, gist, brin, hash)");
      }
      sb.append(" USING ").append(i.using());
    }
    sb.append(" (").append(fields(IndexDefinitions.customIndexFields(t, i))).append(')');
    if (!i.include().isEmpty()) {
      sb.append(" INCLUDE (").append(indexColumns(i.include())).append(')');
    }
    if (!i.nullsDistinct()) {
      sb.append(" NULLS NOT DISTINCT");
    }
    String where = IndexDefinitions.customIndexWhere(t, i);
    if (where != null) {
      sb.append(" WHERE ").append(where);
    }
    return sb.toString();
  }

  private String createReferenceIndex(TableSnapshot t, AttributeSnapshot a, String name) {
    StringBuilder sb = new StringBuilder("CREATE INDEX ").append(quote(name)).append(" ON ").append(table(t))
        .append(" (").append(indexColumns(IndexDefinitions.referenceIndexColumns(t, a))).append(')');
    String where = IndexDefinitions.referenceIndexWhere(a);
    if (where != null) {
      sb.append(" WHERE ").append(where);
    }
    return sb.toString();
  }

  private String dropIndex(TableSnapshot t, String prefix, String name, boolean concurrently) {
    return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF EXISTS " + indexName(t, prefix, name);
  }

  String indexName(TableSnapshot t, String prefix, String name) {
    if (ctx.tenant()) {
      return quote(name);
    }
    String schema = prefix != null ? prefix : t.schema();
    return Identifier.qualified(schema, name);
  }

  private static String fields(List<IndexField> fields) {
    List<String> out = new ArrayList<>();
    for (IndexField f : fields) {
      String s = f.expression() ? f.value() : quote(f.value());
      if (f.order() != null) {
        s += switch (f.order()) {
          case "asc" -> " ASC";
          case "desc" -> " DESC";
          case "asc_nulls_first" -> " ASC NULLS FIRST";
          case "asc_nulls_last" -> " ASC NULLS LAST";
          case "desc_nulls_first" -> " DESC NULLS FIRST";
          case "desc_nulls_last" -> " DESC NULLS LAST";
          default -> throw new IllegalStateException(f.order());
        };
      }
      out.add(s);
    }
    return String.join(", ", out);
  }

  // ---------------------------------------------------------------------------------------------- names

  String table(TableSnapshot t) {
    return ctx.tenant() ? quote(t.table()) : Identifier.qualified(t.schema(), t.table());
  }

  private String tableWithPrefix(TableSnapshot t, String prefix) {
    if (ctx.tenant() || prefix == null) {
      return table(t);
    }
    return Identifier.qualified(prefix, t.table());
  }

  private String qualified(TableSnapshot t, String tableName) {
    return ctx.tenant() ? quote(tableName) : Identifier.qualified(t.schema(), tableName);
  }

  String alter(TableSnapshot t) {
    return "ALTER TABLE " + table(t) + " ";
  }

  /** Constraint column lists, written like ecto_sql: {@code ("a","b")}. */
  private static String columns(List<String> cols) {
    return cols.stream().map(Identifier::quote).collect(Collectors.joining(","));
  }

  /** Index column lists, written like ecto_sql: {@code ("a", "b")}. */
  private static String indexColumns(List<String> cols) {
    return cols.stream().map(Identifier::quote).collect(Collectors.joining(", "));
  }

  private static String comment(String sql) {
    return sql.lines().map(l -> "-- " + l).collect(Collectors.joining("\n"));
  }

  /** A custom statement as written, without a trailing semicolon (the writer adds one). */
  private static String verbatim(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }
}
