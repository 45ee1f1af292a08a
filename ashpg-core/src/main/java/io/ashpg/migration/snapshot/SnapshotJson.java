package io.ashpg.migration.snapshot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The canonical JSON form of snapshots.
 *
 * <p>Format (version {@value #FORMAT_VERSION}): keys are snake_case without AshPostgres's {@code ?} suffix
 * ({@code allow_nil}, {@code primary_key}, {@code nulls_distinct}, …), sorted alphabetically at every level,
 * every known key written (nulls included, so a diff of two files shows every field), pretty-printed with
 * two-space indentation and a trailing newline. The top level has {@code format_version} and {@code hash}
 * (SHA-256, upper-case hex, of the canonical text with {@code hash} left out; informational, never used for
 * diffing). Index keys are {@code {"order": …, "type": "column"|"expression", "value": …}}; {@code on_delete}
 * is a string or {@code ["nilify", [columns]]}; {@code deferrable} is {@code false}, {@code true} or
 * {@code "initially"}.
 *
 * <p>Version 2 adds {@code distribution} (a Citus table's {@code {"kind": "reference"|"distributed", "column": …,
 * "colocate_with": null | {"schema": …, "table": …}}}). It is written only for a table that has one, and only such a file says
 * {@code format_version} 2, so the snapshots of a repo that is not on Citus stay exactly as version 1 wrote them,
 * while an older ashpg refuses a Citus snapshot rather than dropping its distribution.
 *
 * <p>Reading is strict JSON. A key missing from an older file gets its default (null, false, empty list,
 * {@code nulls_distinct} true, {@code include_base_filter} true, {@code has_create_action} true); a file
 * whose {@code format_version} is newer than {@value #FORMAT_VERSION} is rejected rather than half-understood.
 */
public final class SnapshotJson {

  /** The format this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 2;

  /** The format of a snapshot without a {@code distribution}: what version 1 wrote. */
  private static final int FORMAT_WITHOUT_DISTRIBUTION = 1;

  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls()
      .disableHtmlEscaping().create();

  private SnapshotJson() {
  }

  // ---------------------------------------------------------------------------------------------- writing

  /** The canonical text of {@code snapshot}, including its hash. */
  public static String write(TableSnapshot snapshot) {
    JsonObject o = tableToJson(snapshot);
    o.addProperty("hash", hash(o));
    return render(o);
  }

  /** The canonical text of {@code extensions}. */
  public static String write(ExtensionsSnapshot extensions) {
    JsonObject o = new JsonObject();
    o.addProperty("format_version", FORMAT_WITHOUT_DISTRIBUTION);
    o.add("installed", strings(extensions.installed()));
    if (!extensions.functions().isEmpty()) {
      o.add("functions", strings(extensions.functions()));
    }
    return render(o);
  }

  /** The canonical text without the hash: two snapshots are the same when these are equal. */
  public static String contentOf(TableSnapshot snapshot) {
    return render(tableToJson(snapshot));
  }

  private static String render(JsonObject o) {
    return PRETTY.toJson(sorted(o)) + "\n";
  }

  private static String hash(JsonObject withoutHash) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(render(withoutHash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Copies the tree with the keys of every object in alphabetical order. */
  private static JsonElement sorted(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      for (String k : new TreeSet<>(e.getAsJsonObject().keySet())) {
        out.add(k, sorted(e.getAsJsonObject().get(k)));
      }
      return out;
    }
    if (e.isJsonArray()) {
      JsonArray out = new JsonArray();
      e.getAsJsonArray().forEach(x -> out.add(sorted(x)));
      return out;
    }
    return e;
  }

  private static JsonObject tableToJson(TableSnapshot t) {
    JsonObject o = new JsonObject();
    o.addProperty("format_version", t.distribution() == null ? FORMAT_WITHOUT_DISTRIBUTION : FORMAT_VERSION);
    o.addProperty("table", t.table());
    o.addProperty("schema", t.schema());
    o.addProperty("repo", t.repo());
    o.add("attributes", array(t.attributes(), SnapshotJson::attributeToJson));
    o.add("identities", array(t.identities(), SnapshotJson::identityToJson));
    o.add("custom_indexes", array(t.customIndexes(), SnapshotJson::customIndexToJson));
    o.add("check_constraints", array(t.checkConstraints(), SnapshotJson::checkToJson));
    o.add("custom_statements", array(t.customStatements(), SnapshotJson::statementToJson));
    o.add("multitenancy", multitenancyToJson(t.multitenancy()));
    o.addProperty("base_filter", t.baseFilter());
    o.addProperty("has_create_action", t.hasCreateAction());
    o.addProperty("create_table_options", t.createTableOptions());
    if (t.distribution() != null) {
      JsonObject d = new JsonObject();
      d.addProperty("kind", t.distribution().kind());
      d.addProperty("column", t.distribution().column());
      TableKey colocate = t.distribution().colocateWith();
      if (colocate == null) {
        d.add("colocate_with", JsonNull.INSTANCE);
      } else {
        JsonObject c = new JsonObject();
        c.addProperty("schema", colocate.schema());
        c.addProperty("table", colocate.table());
        d.add("colocate_with", c);
      }
      o.add("distribution", d);
    }
    return o;
  }

  private static JsonObject attributeToJson(AttributeSnapshot a) {
    JsonObject o = new JsonObject();
    o.addProperty("source", a.source());
    o.addProperty("type", a.type());
    o.addProperty("size", a.size());
    o.addProperty("precision", a.precision());
    o.addProperty("scale", a.scale());
    o.addProperty("default", a.defaultValue());
    o.addProperty("allow_nil", a.allowNil());
    o.addProperty("generated", a.generated());
    o.addProperty("primary_key", a.primaryKey());
    o.add("references", a.references() == null ? JsonNull.INSTANCE : referenceToJson(a.references()));
    return o;
  }

  private static JsonObject referenceToJson(ReferenceSnapshot r) {
    JsonObject o = new JsonObject();
    o.addProperty("name", r.name());
    o.addProperty("table", r.table());
    o.addProperty("schema", r.schema());
    o.addProperty("destination_attribute", r.destinationAttribute());
    o.addProperty("destination_attribute_default", r.destinationAttributeDefault());
    o.addProperty("destination_attribute_generated", r.destinationAttributeGenerated());
    o.addProperty("primary_key", r.primaryKey());
    o.add("multitenancy", multitenancyToJson(r.multitenancy()));
    if (!r.onDeleteNilifyColumns().isEmpty()) {
      JsonArray a = new JsonArray();
      a.add(r.onDelete());
      a.add(strings(r.onDeleteNilifyColumns()));
      o.add("on_delete", a);
    } else {
      o.addProperty("on_delete", r.onDelete());
    }
    o.addProperty("on_update", r.onUpdate());
    o.add("deferrable", switch (r.deferrable()) {
      case NO -> new JsonPrimitive(false);
      case IMMEDIATE -> new JsonPrimitive(true);
      case DEFERRED -> new JsonPrimitive("initially");
    });
    if (r.matchWith().isEmpty()) {
      o.add("match_with", JsonNull.INSTANCE);
    } else {
      JsonObject m = new JsonObject();
      r.matchWith().forEach(m::addProperty);
      o.add("match_with", m);
    }
    o.addProperty("match_type", r.matchType());
    o.addProperty("match_tenant", r.matchTenant());
    o.addProperty("index", r.index());
    o.addProperty("index_where", r.indexWhere());
    return o;
  }

  private static JsonObject multitenancyToJson(MultitenancySnapshot m) {
    JsonObject o = new JsonObject();
    o.addProperty("strategy", m.strategy());
    o.addProperty("attribute", m.attribute());
    o.addProperty("global", m.global());
    return o;
  }

  private static JsonObject fieldToJson(IndexField f) {
    JsonObject o = new JsonObject();
    o.addProperty("type", f.expression() ? "expression" : "column");
    o.addProperty("value", f.value());
    o.addProperty("order", f.order());
    return o;
  }

  private static JsonObject identityToJson(IdentitySnapshot i) {
    JsonObject o = new JsonObject();
    o.addProperty("name", i.name());
    o.add("keys", array(i.keys(), SnapshotJson::fieldToJson));
    o.addProperty("index_name", i.indexName());
    o.addProperty("where", i.where());
    o.addProperty("base_filter", i.baseFilter());
    o.addProperty("all_tenants", i.allTenants());
    o.addProperty("nulls_distinct", i.nullsDistinct());
    return o;
  }

  private static JsonObject customIndexToJson(CustomIndexSnapshot i) {
    JsonObject o = new JsonObject();
    o.add("fields", array(i.fields(), SnapshotJson::fieldToJson));
    o.addProperty("name", i.name());
    o.addProperty("unique", i.unique());
    o.addProperty("concurrently", i.concurrently());
    o.addProperty("using", i.using());
    o.addProperty("prefix", i.prefix());
    o.addProperty("where", i.where());
    o.add("include", strings(i.include()));
    o.addProperty("nulls_distinct", i.nullsDistinct());
    o.addProperty("message", i.message());
    o.addProperty("all_tenants", i.allTenants());
    o.add("error_fields", strings(i.errorFields()));
    o.addProperty("include_base_filter", i.includeBaseFilter());
    return o;
  }

  private static JsonObject checkToJson(CheckConstraintSnapshot c) {
    JsonObject o = new JsonObject();
    o.addProperty("name", c.name());
    o.add("attributes", strings(c.attributes()));
    o.addProperty("check", c.check());
    o.addProperty("base_filter", c.baseFilter());
    return o;
  }

  private static JsonObject statementToJson(CustomStatementSnapshot s) {
    JsonObject o = new JsonObject();
    o.addProperty("name", s.name());
    o.addProperty("up", s.up());
    o.addProperty("down", s.down());
    o.addProperty("global", s.global());
    o.add("after_tables", strings(s.afterTables()));
    return o;
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonElement> f) {
    JsonArray a = new JsonArray();
    items.forEach(i -> a.add(f.apply(i)));
    return a;
  }

  private static JsonArray strings(List<String> items) {
    JsonArray a = new JsonArray();
    items.forEach(a::add);
    return a;
  }

  // ---------------------------------------------------------------------------------------------- reading

  /**
   * Parses a table snapshot.
   *
   * @param text   the file's content
   * @param source where it came from (a path), named in every error
   * @throws SnapshotFormatException when the text is not a valid snapshot
   */
  public static TableSnapshot readTable(String text, String source) {
    Obj o = parseTop(text, source);
    try {
      return new TableSnapshot(
          o.requiredString("table"),
          o.string("schema", null),
          o.string("repo", null),
          o.list("attributes", SnapshotJson::readAttribute),
          o.list("identities", SnapshotJson::readIdentity),
          o.list("custom_indexes", SnapshotJson::readCustomIndex),
          o.list("check_constraints", SnapshotJson::readCheck),
          o.list("custom_statements", SnapshotJson::readStatement),
          o.object("multitenancy").map(SnapshotJson::readMultitenancy).orElse(MultitenancySnapshot.NONE),
          o.string("base_filter", null),
          o.bool("has_create_action", true),
          o.string("create_table_options", null),
          o.object("distribution").map(SnapshotJson::readDistribution).orElse(null));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SnapshotFormatException("snapshot " + source + " is invalid: " + e.getMessage()
          + "; fix or delete the file", e);
    }
  }

  /** Parses an {@code extensions.json}. */
  public static ExtensionsSnapshot readExtensions(String text, String source) {
    Obj o = parseTop(text, source);
    return new ExtensionsSnapshot(o.strings("installed"), o.strings("functions"));
  }

  private static Obj parseTop(String text, String source) {
    JsonElement root;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      root = com.google.gson.JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new SnapshotFormatException("snapshot " + source
            + " has text after the JSON object; the file is corrupt, restore it from version control");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new SnapshotFormatException("snapshot " + source + " is not valid JSON (malformed or truncated: "
          + e.getMessage() + "); restore it from version control or delete it to regenerate", e);
    }
    if (!root.isJsonObject()) {
      throw new SnapshotFormatException("snapshot " + source + " must hold a JSON object, found " + root);
    }
    Obj o = new Obj(root.getAsJsonObject(), source, "");
    int version = o.integer("format_version", 1);
    if (version > FORMAT_VERSION) {
      throw new SnapshotFormatException("snapshot " + source + " has format_version " + version
          + ", but this ashpg reads at most " + FORMAT_VERSION + "; upgrade ashpg to the version that wrote it");
    }
    return o;
  }

  private static AttributeSnapshot readAttribute(Obj o) {
    return new AttributeSnapshot(
        o.requiredString("source"),
        o.requiredString("type"),
        o.integerOrNull("size"),
        o.integerOrNull("precision"),
        o.integerOrNull("scale"),
        o.string("default", null),
        o.bool("allow_nil", true),
        o.bool("generated", false),
        o.bool("primary_key", false),
        o.object("references").map(SnapshotJson::readReference).orElse(null));
  }

  private static ReferenceSnapshot readReference(Obj o) {
    String onDelete = null;
    List<String> nilify = List.of();
    JsonElement od = o.raw("on_delete");
    if (od != null && od.isJsonArray()) {
      JsonArray a = od.getAsJsonArray();
      if (a.size() != 2 || !a.get(0).isJsonPrimitive() || !a.get(1).isJsonArray()) {
        throw o.error("on_delete", "must be a string or [\"nilify\", [columns]]");
      }
      onDelete = a.get(0).getAsString();
      List<String> cols = new ArrayList<>();
      a.get(1).getAsJsonArray().forEach(x -> cols.add(x.getAsString()));
      nilify = cols;
    } else {
      onDelete = o.string("on_delete", null);
    }
    JsonElement d = o.raw("deferrable");
    Deferrable deferrable;
    if (d == null || d.isJsonNull() || (d.isJsonPrimitive() && d.getAsJsonPrimitive().isBoolean()
        && !d.getAsBoolean())) {
      deferrable = Deferrable.NO;
    } else if (d.isJsonPrimitive() && d.getAsJsonPrimitive().isBoolean()) {
      deferrable = Deferrable.IMMEDIATE;
    } else if (d.isJsonPrimitive() && "initially".equals(d.getAsString())) {
      deferrable = Deferrable.DEFERRED;
    } else {
      throw o.error("deferrable", "must be false, true or \"initially\"");
    }
    Map<String, String> matchWith = new LinkedHashMap<>();
    o.object("match_with").ifPresent(m -> m.json.keySet().forEach(k -> matchWith.put(k, m.requiredString(k))));
    return new ReferenceSnapshot(
        o.requiredString("name"),
        o.requiredString("table"),
        o.string("schema", null),
        o.requiredString("destination_attribute"),
        o.string("destination_attribute_default", null),
        o.boolOrNull("destination_attribute_generated"),
        o.bool("primary_key", true),
        o.object("multitenancy").map(SnapshotJson::readMultitenancy).orElse(MultitenancySnapshot.NONE),
        onDelete,
        nilify,
        o.string("on_update", null),
        deferrable,
        matchWith,
        o.string("match_type", null),
        o.bool("match_tenant", false),
        o.bool("index", false),
        o.string("index_where", null));
  }

  private static DistributionSnapshot readDistribution(Obj o) {
    return new DistributionSnapshot(o.requiredString("kind"), o.string("column", null), o.object("colocate_with")
        .map(c -> new TableKey(c.string("schema", null), c.requiredString("table"))).orElse(null));
  }

  private static MultitenancySnapshot readMultitenancy(Obj o) {
    return new MultitenancySnapshot(o.string("strategy", null), o.string("attribute", null),
        o.boolOrNull("global"));
  }

  private static IndexField readField(Obj o) {
    String type = o.string("type", "column");
    if (!type.equals("column") && !type.equals("expression")) {
      throw o.error("type", "must be \"column\" or \"expression\", was \"" + type + "\"");
    }
    return new IndexField(o.requiredString("value"), type.equals("expression"), o.string("order", null));
  }

  private static IdentitySnapshot readIdentity(Obj o) {
    return new IdentitySnapshot(
        o.requiredString("name"),
        o.list("keys", SnapshotJson::readField),
        o.string("index_name", null),
        o.string("where", null),
        o.string("base_filter", null),
        o.bool("all_tenants", false),
        o.bool("nulls_distinct", true));
  }

  private static CustomIndexSnapshot readCustomIndex(Obj o) {
    return new CustomIndexSnapshot(
        o.list("fields", SnapshotJson::readField),
        o.string("name", null),
        o.bool("unique", false),
        o.bool("concurrently", false),
        o.string("using", null),
        o.string("prefix", null),
        o.string("where", null),
        o.strings("include"),
        o.bool("nulls_distinct", true),
        o.string("message", null),
        o.bool("all_tenants", false),
        o.strings("error_fields"),
        o.bool("include_base_filter", true));
  }

  private static CheckConstraintSnapshot readCheck(Obj o) {
    return new CheckConstraintSnapshot(o.requiredString("name"), o.strings("attributes"),
        o.string("check", null), o.string("base_filter", null));
  }

  private static CustomStatementSnapshot readStatement(Obj o) {
    return new CustomStatementSnapshot(o.requiredString("name"), o.requiredString("up"),
        o.requiredString("down"), o.bool("global", false), o.strings("after_tables"));
  }

  /** A JSON object plus where it is, so every error can say file and key. */
  private static final class Obj {
    final JsonObject json;
    final String source;
    final String path;

    Obj(JsonObject json, String source, String path) {
      this.json = json;
      this.source = source;
      this.path = path;
    }

    SnapshotFormatException error(String key, String what) {
      return new SnapshotFormatException("snapshot " + source + ": key " + path + key + " " + what
          + "; fix the file or restore it from version control");
    }

    JsonElement raw(String key) {
      JsonElement e = json.get(key);
      return e == null || e.isJsonNull() ? null : e;
    }

    String string(String key, String dflt) {
      JsonElement e = raw(key);
      if (e == null) {
        return dflt;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw error(key, "must be a string, found " + e);
      }
      return e.getAsString();
    }

    String requiredString(String key) {
      String s = string(key, null);
      if (s == null) {
        throw error(key, "is missing");
      }
      return s;
    }

    boolean bool(String key, boolean dflt) {
      Boolean b = boolOrNull(key);
      return b == null ? dflt : b;
    }

    Boolean boolOrNull(String key) {
      JsonElement e = raw(key);
      if (e == null) {
        return null;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
        throw error(key, "must be true or false, found " + e);
      }
      return e.getAsBoolean();
    }

    int integer(String key, int dflt) {
      Integer i = integerOrNull(key);
      return i == null ? dflt : i;
    }

    Integer integerOrNull(String key) {
      JsonElement e = raw(key);
      if (e == null) {
        return null;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw error(key, "must be a number, found " + e);
      }
      try {
        return e.getAsBigDecimal().intValueExact();
      } catch (ArithmeticException ex) {
        throw error(key, "must be a whole number, found " + e);
      }
    }

    java.util.Optional<Obj> object(String key) {
      JsonElement e = raw(key);
      if (e == null) {
        return java.util.Optional.empty();
      }
      if (!e.isJsonObject()) {
        throw error(key, "must be an object, found " + e);
      }
      return java.util.Optional.of(new Obj(e.getAsJsonObject(), source, path + key + "."));
    }

    <T> List<T> list(String key, Function<Obj, T> reader) {
      JsonElement e = raw(key);
      if (e == null) {
        return List.of();
      }
      if (!e.isJsonArray()) {
        throw error(key, "must be an array, found " + e);
      }
      List<T> out = new ArrayList<>();
      JsonArray a = e.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).isJsonObject()) {
          throw error(key + "[" + i + "]", "must be an object, found " + a.get(i));
        }
        out.add(reader.apply(new Obj(a.get(i).getAsJsonObject(), source, path + key + "[" + i + "].")));
      }
      return out;
    }

    List<String> strings(String key) {
      JsonElement e = raw(key);
      if (e == null) {
        return List.of();
      }
      if (!e.isJsonArray()) {
        throw error(key, "must be an array of strings, found " + e);
      }
      List<String> out = new ArrayList<>();
      for (JsonElement x : e.getAsJsonArray()) {
        if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
          throw error(key, "must be an array of strings, found " + x);
        }
        out.add(x.getAsString());
      }
      return out;
    }
  }
}
