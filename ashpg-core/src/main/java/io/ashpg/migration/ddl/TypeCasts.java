package io.ashpg.migration.ddl;

import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's cast rules between two column types, known without a database: what {@code ALTER COLUMN … TYPE} needs
 * to convert a column, and whether the change rewrites the table.
 *
 * <p>The rules are those of the {@code pg_cast} catalog for the built-in types (see the PostgreSQL docs, "CREATE
 * CAST": a cast is implicit, assignment or explicit only; a binary-coercible cast needs no conversion at all),
 * plus the automatic I/O conversion casts that exist for every type: to a string type ({@code text}, {@code varchar},
 * {@code char}, {@code citext}) they count as assignment casts, from one as explicit only. A change between two
 * arrays follows the cast between their element types; a change of type modifier only ({@code varchar(20)} to
 * {@code varchar(40)}, {@code numeric(10,2)} to {@code numeric(12,2)}) is the type's length coercion. A type this
 * class does not know (an enum, a domain, an extension's type) has only the I/O conversions.
 *
 * <p>PostgreSQL docs, "ALTER TABLE … SET DATA TYPE": without {@code USING} the conversion is an assignment cast
 * from the old type to the new, so an implicit or assignment cast needs nothing more; an explicit-only cast needs
 * {@code USING "c"::new_type}; and the table and its indexes are rewritten unless the old type is binary coercible
 * to the new one (or the change only widens a type modifier, which PostgreSQL knows to leave the values alone) and
 * no {@code USING} changes the values.
 */
public final class TypeCasts {

  /** How PostgreSQL converts a value of one column type to another, weakest requirement first. */
  public enum Cast {
    /** Nothing to convert: the same values, read as the new type (pg_cast method {@code b}, or a widened modifier). */
    BINARY,
    /** Converted without being asked for ({@code castcontext = 'i'}): {@code TYPE t} suffices. */
    IMPLICIT,
    /** Converted when assigned to a column ({@code castcontext = 'a'}): {@code TYPE t} suffices. */
    ASSIGNMENT,
    /** Converted only by an explicit cast ({@code castcontext = 'e'}): {@code TYPE t USING "c"::t}. */
    EXPLICIT,
    /** No cast at all: PostgreSQL cannot convert the column unless it is told how. */
    NONE;

    /** Whether {@code ALTER COLUMN … TYPE} needs a {@code USING} clause for it. */
    public boolean needsUsing() {
      return this == EXPLICIT;
    }

    /** Whether PostgreSQL can convert with it at all. */
    public boolean exists() {
      return this != NONE;
    }
  }

  /**
   * A column type reduced to what the cast rules look at.
   *
   * @param base   canonical type name ({@code int8}, {@code varchar}, {@code timestamptz}, or a user type as written)
   * @param typmod type modifier as written inside the parentheses ({@code "20"}, {@code "10,2"}), or null
   * @param arrayDims number of array dimensions, 0 for a scalar
   */
  public record SqlType(String base, String typmod, int arrayDims) {

    /** This type without its array dimensions (the element type), or itself. */
    public SqlType element() {
      return new SqlType(base, typmod, 0);
    }

    @Override
    public String toString() {
      return base + (typmod == null ? "" : "(" + typmod + ")") + "[]".repeat(arrayDims);
    }
  }

  private static final Pattern TYPMOD = Pattern.compile("\\(([^)]*)\\)");
  private static final Pattern ARRAY = Pattern.compile("\\s*\\[\\s*\\d*\\s*\\]\\s*$");

  /** Spellings PostgreSQL accepts for one type, by canonical name. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("bigint", "int8"), Map.entry("bigserial", "int8"), Map.entry("serial8", "int8"),
      Map.entry("identity", "int8"),
      Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("serial", "int4"), Map.entry("serial4", "int4"),
      Map.entry("smallint", "int2"), Map.entry("smallserial", "int2"), Map.entry("serial2", "int2"),
      Map.entry("double precision", "float8"), Map.entry("float", "float8"), Map.entry("real", "float4"),
      Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"),
      Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
      Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
      Map.entry("bit varying", "varbit"));

  /** Types whose values are strings: I/O conversion to them is an assignment cast, from them explicit only. */
  private static final Set<String> STRING_TYPES = Set.of("text", "varchar", "bpchar", "citext");

  /**
   * Types whose modifier only limits precision or length: a larger (or no) modifier keeps every value, and
   * PostgreSQL's support functions (varchar_support, numeric_support, timestamp_support, …) skip the rewrite.
   */
  private static final Set<String> WIDENING_IS_FREE = Set.of("varchar", "numeric", "timestamp", "timestamptz", "time",
      "timetz", "interval", "varbit");

  /** pg_cast rows between different built-in types: "source target context[b]" (b: binary coercible). */
  private static final List<String> PG_CAST = List.of(
      // integers, floats, numeric
      "int2 int4 i", "int2 int8 i", "int2 float4 i", "int2 float8 i", "int2 numeric i",
      "int4 int2 a", "int4 int8 i", "int4 float4 i", "int4 float8 i", "int4 numeric i", "int4 bool e",
      "int8 int2 a", "int8 int4 a", "int8 float4 i", "int8 float8 i", "int8 numeric i",
      "float4 int2 a", "float4 int4 a", "float4 int8 a", "float4 float8 i", "float4 numeric a",
      "float8 int2 a", "float8 int4 a", "float8 int8 a", "float8 float4 a", "float8 numeric a",
      "numeric int2 a", "numeric int4 a", "numeric int8 a", "numeric float4 i", "numeric float8 i",
      "bool int4 e",
      "int4 bit e", "int8 bit e", "bit int4 e", "bit int8 e", "bit varbit ib", "varbit bit ib",
      // money
      "int4 money a", "int8 money a", "numeric money a", "money numeric a",
      // date and time
      "date timestamp i", "date timestamptz i",
      "time interval i", "time timetz i", "timetz time a", "interval time a",
      "timestamp date a", "timestamp time a", "timestamp timestamptz i",
      "timestamptz date a", "timestamptz time a", "timestamptz timestamp a", "timestamptz timetz a",
      // json
      "json jsonb a", "jsonb json a",
      "jsonb bool e", "jsonb numeric e", "jsonb int2 e", "jsonb int4 e", "jsonb int8 e", "jsonb float4 e",
      "jsonb float8 e",
      // strings (char(n) to the others trims trailing blanks, so it is a function, not binary)
      "text varchar ib", "text bpchar ib", "varchar text ib", "varchar bpchar ib", "bpchar text i", "bpchar varchar i",
      // citext (its extension's casts)
      "citext text ib", "citext varchar ib", "citext bpchar a", "text citext ab", "varchar citext ab",
      "bpchar citext a",
      // network
      "cidr inet ib", "inet cidr a",
      // xml
      "xml text ab", "xml varchar a", "xml bpchar a", "text xml e", "varchar xml e", "bpchar xml e");

  private record Entry(Cast cast, boolean binary) { }

  private static final Map<String, Entry> TABLE = new HashMap<>();

  static {
    for (String row : PG_CAST) {
      String[] p = row.split(" ");
      Cast c = switch (p[2].charAt(0)) {
        case 'i' -> Cast.IMPLICIT;
        case 'a' -> Cast.ASSIGNMENT;
        default -> Cast.EXPLICIT;
      };
      TABLE.put(p[0] + " " + p[1], new Entry(c, p[2].endsWith("b")));
    }
  }

  private TypeCasts() {
  }

  // ---------------------------------------------------------------------------------------------- types

  /** The type of a snapshot column, with its size, precision and scale and the storage type of serials. */
  public static SqlType typeOf(AttributeSnapshot a) {
    SqlType t = parse(a.type());
    if (t.typmod() == null) {
      String mod = a.size() != null ? String.valueOf(a.size())
          : a.precision() != null ? a.precision() + (a.scale() != null ? "," + a.scale() : "") : null;
      t = new SqlType(t.base(), mod, t.arrayDims());
    }
    return t;
  }

  /**
   * Parses a type as written in DDL or a snapshot ({@code varchar(20)}, {@code numeric(10, 2)}, {@code text[]},
   * {@code timestamp(3) with time zone}, {@code mood}); spellings of one type map to one canonical name.
   */
  public static SqlType parse(String written) {
    String s = written.trim();
    int dims = 0;
    Matcher array = ARRAY.matcher(s);
    while (array.find()) {
      dims++;
      s = s.substring(0, array.start());
      array = ARRAY.matcher(s);
    }
    String typmod = null;
    Matcher mod = TYPMOD.matcher(s);
    if (mod.find()) {
      typmod = mod.group(1).replaceAll("\\s+", "");
      s = (s.substring(0, mod.start()) + " " + s.substring(mod.end())).trim();
    }
    // quoted names keep their case; unquoted ones fold to lower case as PostgreSQL folds them
    String name = s.contains("\"") ? s.replaceAll("\\s+", " ") : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (name.equals("float8") || name.equals("float")) {
      // float(p): float4 up to 24 bits of precision, float8 above
      name = typmod != null && Integer.parseInt(typmod.isEmpty() ? "53" : typmod) <= 24 ? "float4" : "float8";
      typmod = null;
    }
    name = ALIASES.getOrDefault(name, name);
    if (name.equals("bpchar") && typmod == null) {
      typmod = "1"; // char without a length is char(1)
    }
    if (typmod != null && typmod.isEmpty()) {
      typmod = null;
    }
    return new SqlType(name, typmod, dims);
  }

  // ---------------------------------------------------------------------------------------------- casts

  /** The cast PostgreSQL has from the column type of {@code from} to that of {@code to}. */
  public static Cast cast(AttributeSnapshot from, AttributeSnapshot to) {
    return cast(typeOf(from), typeOf(to));
  }

  /** The cast PostgreSQL has from {@code from} to {@code to}. */
  public static Cast cast(SqlType from, SqlType to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      return Cast.BINARY;
    }
    if (from.arrayDims() > 0 || to.arrayDims() > 0) {
      if (from.arrayDims() > 0 && to.arrayDims() > 0) {
        // an array converts element by element, with the element types' cast (array_coerce); PostgreSQL rewrites
        // the table for it even when the elements are binary coercible
        Cast element = cast(from.element(), to.element());
        return element == Cast.BINARY ? Cast.IMPLICIT : element;
      }
      // an array and a scalar: only the I/O conversion with a string type
      return ioConversion(from, to);
    }
    if (from.base().equals(to.base())) {
      // only the modifier differs: the type's length coercion, implicit
      return widens(from, to) ? Cast.BINARY : Cast.IMPLICIT;
    }
    Entry e = TABLE.get(from.base() + " " + to.base());
    if (e != null) {
      return e.binary() && (to.typmod() == null || widens(new SqlType(to.base(), from.typmod(), 0), to))
          ? Cast.BINARY : e.cast();
    }
    return ioConversion(from, to);
  }

  /** The automatic I/O conversion casts (CREATE CAST docs): to a string type assignment, from one explicit. */
  private static Cast ioConversion(SqlType from, SqlType to) {
    if (to.arrayDims() == 0 && STRING_TYPES.contains(to.base())) {
      return Cast.ASSIGNMENT;
    }
    if (from.arrayDims() == 0 && STRING_TYPES.contains(from.base())) {
      return Cast.EXPLICIT;
    }
    return Cast.NONE;
  }

  /** Whether {@code to} has the same base as {@code from} and a modifier keeping every value of it unchanged. */
  private static boolean widens(SqlType from, SqlType to) {
    if (!WIDENING_IS_FREE.contains(to.base()) || !from.base().equals(to.base())) {
      return Objects.equals(from.typmod(), to.typmod());
    }
    if (to.typmod() == null) {
      return true;
    }
    if (from.typmod() == null) {
      return false;
    }
    String[] f = from.typmod().split(",");
    String[] t = to.typmod().split(",");
    try {
      if (to.base().equals("numeric")) {
        // numeric(p,s) to numeric(p2,s): same scale, no fewer digits
        String fs = f.length > 1 ? f[1] : "0";
        String ts = t.length > 1 ? t[1] : "0";
        return fs.equals(ts) && Integer.parseInt(t[0]) >= Integer.parseInt(f[0]);
      }
      return f.length == 1 && t.length == 1 && Integer.parseInt(t[0]) >= Integer.parseInt(f[0]);
    } catch (NumberFormatException e) {
      return false; // an interval field list or the like: leave it to PostgreSQL
    }
  }

  // ---------------------------------------------------------------------------------------------- rewrites

  /**
   * Whether changing a column from the type of {@code from} to that of {@code to} rewrites the table (and rebuilds its
   * indexes) under an ACCESS EXCLUSIVE lock, without a {@code USING} expression of the user's: true unless the old
   * type is binary coercible to the new one (ALTER TABLE docs, "SET DATA TYPE"). Also true for a change with no cast,
   * which needs a conversion anyway. False when the types are equal.
   */
  public static boolean rewritesTable(AttributeSnapshot from, AttributeSnapshot to) {
    return cast(from, to) != Cast.BINARY;
  }

  /**
   * Whether the type change of {@code op}, as it is rendered, rewrites the table: its types differ and either a
   * {@code USING} expression computes the new values (the user's conversion, or a generated explicit cast) or the
   * old type is not binary coercible to the new one. False when the operation keeps the column's type.
   */
  public static boolean rewritesTable(AlterAttribute op) {
    if (typeOf(op.from()).equals(typeOf(op.to()))) {
      return false;
    }
    return op.conversion() != null || rewritesTable(op.from(), op.to());
  }
}
