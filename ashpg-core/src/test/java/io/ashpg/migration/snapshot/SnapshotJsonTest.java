package io.ashpg.migration.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.GoldenCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  private static List<TableSnapshot> all() {
    List<TableSnapshot> out = new ArrayList<>();
    GoldenCases.all().forEach(c -> {
      out.addAll(c.base());
      out.addAll(c.target());
    });
    return out;
  }

  @Test
  void everySnapshotRoundTripsToAnEqualRecordAndIdenticalText() {
    for (TableSnapshot t : all()) {
      String json = SnapshotJson.write(t);
      TableSnapshot back = SnapshotJson.readTable(json, "mem");
      assertThat(back).as(t.table()).isEqualTo(t);
      assertThat(SnapshotJson.write(back)).isEqualTo(json);
    }
  }

  @Test
  void keysAreSortedAtEveryLevel() {
    for (TableSnapshot t : all()) {
      String json = SnapshotJson.write(t);
      assertSorted(com.google.gson.JsonParser.parseString(json), t.table());
      assertThat(json).startsWith("{\n  \"attributes\"").endsWith("}\n").contains("\"format_version\": 1");
    }
  }

  private static void assertSorted(com.google.gson.JsonElement e, String where) {
    if (e.isJsonObject()) {
      List<String> keys = new ArrayList<>(e.getAsJsonObject().keySet());
      assertThat(keys).as("keys in %s", where).isSorted();
      e.getAsJsonObject().entrySet().forEach(x -> assertSorted(x.getValue(), where + "." + x.getKey()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> assertSorted(x, where + "[]"));
    }
  }

  @Test
  void hashIsStableAndIgnoredForComparison() {
    TableSnapshot t = GoldenCases.get("initial_create").target().get(0);
    String a = SnapshotJson.write(t);
    assertThat(a).isEqualTo(SnapshotJson.write(t)).containsPattern("\"hash\": \"[0-9A-F]{64}\"");
    assertThat(SnapshotJson.contentOf(t)).doesNotContain("\"hash\"");
  }

  @Test
  void oldFileMissingNewerKeysLoadsWithDefaults() {
    String old = """
        {
          "table": "posts",
          "attributes": [
            {"source": "id", "type": "uuid", "primary_key": true, "allow_nil": false},
            {"source": "author_id", "type": "uuid",
             "references": {"name": "posts_author_id_fkey", "table": "authors", "destination_attribute": "id"}}
          ],
          "identities": [{"name": "unique_title", "keys": [{"type": "column", "value": "title"}],
                          "index_name": "posts_unique_title_index"}],
          "custom_indexes": [{"fields": [{"value": "title"}]}]
        }
        """;
    TableSnapshot t = SnapshotJson.readTable(old, "old.json");
    assertThat(t.schema()).isNull();
    assertThat(t.multitenancy()).isEqualTo(MultitenancySnapshot.NONE);
    assertThat(t.hasCreateAction()).isTrue();
    assertThat(t.attributes().get(1).allowNil()).isTrue();
    ReferenceSnapshot r = t.attributes().get(1).references();
    assertThat(r.deferrable()).isEqualTo(Deferrable.NO);
    assertThat(r.index()).isFalse();
    assertThat(r.matchWith()).isEmpty();
    assertThat(t.identities().get(0).nullsDistinct()).isTrue();
    assertThat(t.customIndexes().get(0).includeBaseFilter()).isTrue();
    assertThat(t.customIndexes().get(0).resolvedName("posts")).isEqualTo("posts_title_index");
  }

  @Test
  void malformedTruncatedOrNewerFilesAreErrorsNamingThePath() {
    String good = SnapshotJson.write(GoldenCases.get("initial_create").target().get(0));
    assertThatThrownBy(() -> SnapshotJson.readTable(good.substring(0, good.length() / 2), "/snap/posts/1.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/posts/1.json")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\",}", "/snap/t/2.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/2.json");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\"} trailing", "/snap/t/3.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/3.json");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"format_version\": 99}", "/snap/t/4.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/4.json")
        .hasMessageContaining("format_version 99");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": 5}", "/snap/t/5.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/5.json")
        .hasMessageContaining("table");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"attributes\": [{\"source\": \"x\"}]}",
        "/snap/t/6.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/6.json")
        .hasMessageContaining("attributes[0].type");
  }

  @Test
  void matchPartialInAStoredSnapshotIsAnErrorNamingTheFileAndTheFix() {
    String partial = """
        {"table": "posts", "attributes": [
          {"source": "id", "type": "uuid", "primary_key": true, "allow_nil": false},
          {"source": "author_id", "type": "uuid", "references": {"name": "posts_author_id_fkey", "table": "authors",
           "destination_attribute": "id", "match_with": {"org_id": "org_id"}, "match_type": "partial"}}]}
        """;
    assertThatThrownBy(() -> SnapshotJson.readTable(partial, "/snap/posts/7.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/posts/7.json")
        .hasMessageContaining("posts_author_id_fkey").hasMessageContaining("partial")
        .hasMessageContaining("simple").hasMessageContaining("full");
  }

  @Test
  void extensionsRoundTripSorted() {
    ExtensionsSnapshot e = new ExtensionsSnapshot(List.of("pg_trgm", "citext", "citext"));
    assertThat(e.installed()).containsExactly("citext", "pg_trgm");
    assertThat(SnapshotJson.readExtensions(SnapshotJson.write(e), "x")).isEqualTo(e);
    assertThat(SnapshotJson.write(e)).doesNotContain("functions");
    ExtensionsSnapshot withFunctions = new ExtensionsSnapshot(List.of("citext"), List.of("uuid_generate_v7"));
    assertThat(SnapshotJson.write(withFunctions)).contains("\"functions\"", "uuid_generate_v7");
    assertThat(SnapshotJson.readExtensions(SnapshotJson.write(withFunctions), "x")).isEqualTo(withFunctions);
  }
  @Test
  void aDistributionRoundTripsAndOnlyItMakesAFileFormatTwo() {
    TableSnapshot plain = GoldenCases.get("initial_create").target().get(0);
    assertThat(plain.distribution()).isNull();
    assertThat(SnapshotJson.write(plain)).contains("\"format_version\": 1").doesNotContain("distribution");
    for (DistributionSnapshot d : List.of(DistributionSnapshot.reference(),
        DistributionSnapshot.distributed("author_id", null),
        DistributionSnapshot.distributed("author_id", new TableKey("blog", "authors")))) {
      TableSnapshot placed = plain.withDistribution(d);
      String json = SnapshotJson.write(placed);
      assertThat(json).contains("\"format_version\": 2", "\"kind\": \"" + d.kind() + "\"");
      assertSorted(com.google.gson.JsonParser.parseString(json), "placed");
      TableSnapshot back = SnapshotJson.readTable(json, "mem");
      assertThat(back).isEqualTo(placed);
      assertThat(SnapshotJson.write(back)).isEqualTo(json);
    }
    // the placement is part of the content the generator compares, so changing it is a change
    assertThat(SnapshotJson.contentOf(plain.withDistribution(DistributionSnapshot.reference())))
        .isNotEqualTo(SnapshotJson.contentOf(plain));
  }

  @Test
  void aBadDistributionIsAnErrorNamingTheFileAndTheKey() {
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"format_version\": 2,"
        + " \"distribution\": {\"kind\": \"sharded\"}}", "/snap/t/5.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/5.json")
        .hasMessageContaining("'sharded' is unknown");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"distribution\": {\"kind\":"
        + " \"distributed\"}}", "/snap/t/6.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/6.json")
        .hasMessageContaining("distribution \"column\"");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"distribution\": {\"kind\":"
        + " \"reference\", \"colocate_with\": {}}}", "/snap/t/7.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("/snap/t/7.json")
        .hasMessageContaining("colocate_with.table is missing");
    assertThatThrownBy(() -> SnapshotJson.readTable("{\"table\": \"t\", \"format_version\": 3}", "/snap/t/8.json"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("at most 2");
  }
}
