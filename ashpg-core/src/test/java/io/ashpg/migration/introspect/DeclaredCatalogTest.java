package io.ashpg.migration.introspect;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.introspect.ColumnCatalog.Identity;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declared side: placement, names and keys from the snapshot, SQL texts as PostgreSQL prints them. */
@WithPostgres
class DeclaredCatalogTest {

  private static final MultitenancySnapshot CONTEXT = new MultitenancySnapshot("context", null, false);

  private final TestDatabase db;

  DeclaredCatalogTest(TestDatabase db) {
    this.db = db;
  }

  private Map<String, SchemaCatalog> build(DeclaredCatalog declared, List<TableSnapshot> tables,
      List<String> extensions) throws SQLException {
    try (Connection c = db.connect()) {
      return declared.build(c, tables, extensions).stream()
          .collect(java.util.stream.Collectors.toMap(SchemaCatalog::schema, s -> s));
    }
  }

  @Test
  void tablesArePlacedAndForeignKeysPointWhereTheMigrationsPointThem() throws SQLException {
    TableSnapshot orgs = table("orgs", uuidPk("id"));
    TableSnapshot archived = table("archive", "old_orgs", uuidPk("id"));
    TableSnapshot projects = table("projects", uuidPk("id"), fk("org_id", "uuid", "projects", "orgs"))
        .withMultitenancy(CONTEXT);
    AttributeSnapshot projectId = fk("project_id", "uuid", "tasks", "projects");
    projectId = projectId.withReferences(projectId.references().withMultitenancy(CONTEXT));
    TableSnapshot tasks = table("tasks", uuidPk("id"), projectId).withMultitenancy(CONTEXT);
    Map<String, SchemaCatalog> schemas = build(DeclaredCatalog.inPublic().withTenantSchema("tenant_a"),
        List.of(orgs, archived, projects, tasks), List.of("citext"));
    assertThat(schemas.keySet()).containsExactlyInAnyOrder("public", "archive", "tenant_a");
    assertThat(schemas.get("public").tables().keySet()).containsExactly("orgs");
    assertThat(schemas.get("archive").tables().keySet()).containsExactly("old_orgs");
    assertThat(schemas.get("tenant_a").extensions()).containsExactly("citext");
    TableCatalog t = schemas.get("tenant_a").table("tasks").orElseThrow();
    assertThat(t.foreignKey("tasks_project_id_fkey").orElseThrow().referencedQualifiedName())
        .isEqualTo("tenant_a.projects");
    assertThat(schemas.get("tenant_a").table("projects").orElseThrow().foreignKey("projects_org_id_fkey")
        .orElseThrow().referencedQualifiedName()).isEqualTo("public.orgs");
    assertThat(t.primaryKey()).isEqualTo(new PrimaryKeyCatalog("tasks_pkey", List.of("id")));
    assertThat(t.index("tasks_pkey").orElseThrow().backsConstraint()).isTrue();
  }

  @Test
  void aTenantTableNeedsATenantSchema() {
    TableSnapshot tasks = table("tasks", uuidPk("id")).withMultitenancy(CONTEXT);
    assertThatThrownBy(() -> build(DeclaredCatalog.inPublic(), List.of(tasks), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table tasks is context-multitenant")
        .hasMessageContaining("withTenantSchema");
  }

  @Test
  void generatedKeysTypesAndDefaults() throws SQLException {
    TableSnapshot t = table("counters",
        new AttributeSnapshot("id", "bigserial", null, null, null, null, false, true, true, null),
        col("seq", "identity"), col("code", "varchar").withSize(16).withDefault("'A-1'"),
        col("amount", "numeric").withPrecisionScale(12, 3), col("at", "timestamp(0)").withDefault("now()"),
        col("tags", "varchar[]").withSize(5));
    TableCatalog c = build(DeclaredCatalog.inPublic(), List.of(t), List.of()).get("public").table("counters")
        .orElseThrow();
    assertThat(c.columns()).containsExactly(
        new ColumnCatalog("id", "bigint", true, null, Identity.NONE, true, null),
        new ColumnCatalog("seq", "bigint", true, null, Identity.BY_DEFAULT, false, null),
        new ColumnCatalog("code", "character varying(16)", false, "'A-1'::character varying", Identity.NONE, false,
            null),
        new ColumnCatalog("amount", "numeric(12,3)", false, null, Identity.NONE, false, null),
        new ColumnCatalog("at", "timestamp(0) without time zone", false, "now()", Identity.NONE, false, null),
        new ColumnCatalog("tags", "character varying(5)[]", false, null, Identity.NONE, false, null));
  }

  @Test
  void indexKeysTenantColumnBaseFilterAndOrders() throws SQLException {
    MultitenancySnapshot byOrg = new MultitenancySnapshot("attribute", "org_id", false);
    AttributeSnapshot owner = fk("owner_id", "uuid", "entries", "owners");
    owner = owner.withReferences(owner.references().withIndex(true, "not_nil"));
    TableSnapshot entries = table("entries", uuidPk("id"), notNull("org_id", "uuid"), col("slug", "text"),
        col("archived", "boolean"), owner)
        .withMultitenancy(byOrg).withBaseFilter("archived = false")
        .withIdentities(List.of(identity("entries", "unique_slug", "slug").withBaseFilter("archived = false")
            .withWhere("slug IS NOT NULL")))
        .withCustomIndexes(List.of(new CustomIndexSnapshot(List.of(IndexField.expression("lower(slug)"),
            IndexField.directed("archived", "desc_nulls_last"), IndexField.expression("slug")), "entries_lookup",
            false, false, null, null, null, null, true, null, false, null, true)));
    TableCatalog t = build(DeclaredCatalog.inPublic(), List.of(entries, table("owners", uuidPk("id"))), List.of())
        .get("public").table("entries").orElseThrow();
    IndexCatalog identity = t.index("entries_unique_slug_index").orElseThrow();
    assertThat(identity.keys()).containsExactly(IndexKey.column("org_id"), IndexKey.column("slug"));
    assertThat(identity.predicate()).isEqualTo("archived = false AND slug IS NOT NULL");
    IndexCatalog lookup = t.index("entries_lookup").orElseThrow();
    assertThat(lookup.keyList()).isEqualTo("(\"org_id\", lower(slug), \"archived\" DESC NULLS LAST, \"slug\")");
    assertThat(lookup.predicate()).isEqualTo("archived = false");
    IndexCatalog reference = t.index("entries_org_id_owner_id_index").orElseThrow();
    assertThat(reference.keys()).containsExactly(IndexKey.column("org_id"), IndexKey.column("owner_id"));
    assertThat(reference.predicate()).isEqualTo("owner_id IS NOT NULL");
  }
}
