package io.ashpg.migration.drift;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.ashpg.migration.introspect.CatalogDifference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a drift check of one repo: every schema looked at, how it stands, and each difference. Only the
 * schemas that are not in sync are kept one by one (a fleet of ten thousand tenants in sync is a count, not ten
 * thousand entries).
 *
 * @param repo           the repo
 * @param schemas        the schemas that drifted or are pending, public first, then tenants in the lister's order
 * @param checked        how many schemas were compared
 * @param tenantsListed  how many tenants the lister gave (after onlyTenants/exceptTenants), 0 without tenants
 * @param tenantsChecked how many of them were compared (fewer with a sample)
 * @param invalidTenants listed names that are not valid tenant names, so not looked at
 * @param ignore         the ignore patterns used
 * @param ignored        how many differences the patterns left out, in every schema checked
 * @param elapsed        how long the check took
 */
public record DriftReport(String repo, List<SchemaDrift> schemas, int checked, int tenantsListed, int tenantsChecked,
    List<String> invalidTenants, List<String> ignore, int ignored, Duration elapsed) {

  public DriftReport {
    Objects.requireNonNull(repo, "repo");
    schemas = List.copyOf(schemas);
    invalidTenants = List.copyOf(invalidTenants);
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Whether any schema differs from what its applied migrations built. */
  public boolean drifted() {
    return schemas.stream().anyMatch(s -> s.status() == SchemaDrift.Status.DRIFTED);
  }

  /** The schemas that drifted. */
  public List<SchemaDrift> driftedSchemas() {
    return schemas.stream().filter(s -> s.status() == SchemaDrift.Status.DRIFTED).toList();
  }

  /** Every difference of every schema. */
  public List<CatalogDifference> differences() {
    return schemas.stream().flatMap(s -> s.differences().stream()).toList();
  }

  /** One line: {@code blog_repo: 2 of 3 schema(s) drifted (5 difference(s)), 1 pending, 0.4 s}. */
  public String summary() {
    long pending = schemas.stream().filter(s -> s.status() == SchemaDrift.Status.PENDING).count();
    int drifted = driftedSchemas().size();
    return repo + ": " + (drifted == 0 ? "no drift in " + checked + " schema(s)"
        : drifted + " of " + checked + " schema(s) drifted (" + differences().size() + " difference(s))")
        + (pending == 0 ? "" : ", " + pending + " pending")
        + (ignored == 0 ? "" : ", " + ignored + " difference(s) ignored")
        + (tenantsChecked < tenantsListed ? ", tenants sampled: " + tenantsChecked + " of " + tenantsListed : "")
        + (invalidTenants.isEmpty() ? "" : ", " + invalidTenants.size() + " invalid tenant name(s) not checked")
        + String.format(Locale.ROOT, ", %.1f s", elapsed.toMillis() / 1000.0);
  }

  /**
   * The drifted schemas, table by table, object by object, at most {@code maxSchemas} of them:
   * <pre>
   * public.posts
   *   column extra: not declared (found text)
   *   foreign key posts_author_id_fkey: on delete: expected CASCADE but was SET NULL
   * org_2.invoices: missing
   * </pre>
   */
  public List<String> lines(int maxSchemas) {
    List<String> out = new ArrayList<>();
    List<SchemaDrift> drifted = driftedSchemas();
    for (SchemaDrift s : drifted.subList(0, Math.min(maxSchemas, drifted.size()))) {
      Map<String, List<CatalogDifference>> byTable = new LinkedHashMap<>();
      for (CatalogDifference d : s.differences()) {
        byTable.computeIfAbsent(d.table() == null ? "" : d.table(), t -> new ArrayList<>()).add(d);
      }
      byTable.forEach((table, diffs) -> {
        String where = s.schema() + (table.isEmpty() ? "" : "." + table);
        CatalogDifference only = diffs.size() == 1 ? diffs.get(0) : null;
        if (only != null && only.object().equals("table")) {
          out.add(only.toString());
          return;
        }
        out.add(where);
        diffs.forEach(d -> out.add("  " + d.toString().substring(where.length() + 2)));
      });
      if (!s.pending().isEmpty()) {
        out.add("  (" + s.pending().size() + " migration(s) pending; compared with the snapshots " + s.comparedTo()
            + ")");
      }
    }
    if (drifted.size() > maxSchemas) {
      out.add("… and " + (drifted.size() - maxSchemas) + " more drifted schema(s)");
    }
    return out;
  }

  /** The report as JSON. */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("repo", repo);
    root.addProperty("drifted", drifted());
    root.addProperty("summary", summary());
    root.addProperty("schemasChecked", checked);
    root.addProperty("tenantsListed", tenantsListed);
    root.addProperty("tenantsChecked", tenantsChecked);
    root.add("invalidTenants", strings(invalidTenants));
    root.add("ignore", strings(ignore));
    root.addProperty("ignored", ignored);
    root.addProperty("elapsedMillis", elapsed.toMillis());
    JsonArray list = new JsonArray();
    for (SchemaDrift s : schemas) {
      JsonObject o = new JsonObject();
      o.addProperty("schema", s.schema());
      o.addProperty("tenant", s.tenant());
      o.addProperty("status", s.status().label());
      if (s.applied() == null) {
        o.add("appliedVersion", JsonNull.INSTANCE);
      } else {
        o.addProperty("appliedVersion", s.applied());
      }
      JsonArray pending = new JsonArray();
      s.pending().forEach(pending::add);
      o.add("pending", pending);
      o.addProperty("comparedTo", s.comparedTo());
      o.addProperty("ignored", s.ignored());
      Map<String, JsonArray> tables = new LinkedHashMap<>();
      for (CatalogDifference d : s.differences()) {
        JsonObject diff = new JsonObject();
        diff.addProperty("kind", d.kind().name().toLowerCase(Locale.ROOT));
        diff.addProperty("object", d.object());
        diff.addProperty("field", d.field());
        diff.addProperty("expected", d.expected());
        diff.addProperty("actual", d.actual());
        diff.addProperty("message", d.toString());
        tables.computeIfAbsent(d.table() == null ? "" : d.table(), t -> new JsonArray()).add(diff);
      }
      JsonArray tableList = new JsonArray();
      tables.forEach((table, diffs) -> {
        JsonObject t = new JsonObject();
        if (table.isEmpty()) {
          t.add("table", JsonNull.INSTANCE);
        } else {
          t.addProperty("table", table);
        }
        t.add("differences", diffs);
        tableList.add(t);
      });
      o.add("tables", tableList);
      list.add(o);
    }
    root.add("schemas", list);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  /** Writes {@link #toJson()} to {@code file}, creating its folder; returns the file. */
  public Path writeJson(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      // written whole to a sibling, then moved: a reader never sees half a report
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drift report to " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
