package io.ashpg.migration.introspect;

import static io.ashpg.migration.introspect.CatalogDifference.Kind.DIFFERENT;
import static io.ashpg.migration.introspect.CatalogDifference.Kind.MISSING;
import static io.ashpg.migration.introspect.CatalogDifference.Kind.UNEXPECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.introspect.ColumnCatalog.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of every object is compared, and a difference names the object and the field. */
class CatalogComparisonTest {

  static final ColumnCatalog ID = new ColumnCatalog("id", "bigint", true, null, Identity.NONE, true, null);
  static final ColumnCatalog NAME = new ColumnCatalog("name", "text", false, "'x'::text", Identity.NONE, false, null);
  static final IndexCatalog INDEX = new IndexCatalog("t_name_index", false, "btree",
      List.of(IndexKey.column("name")), List.of(), null, false, false);
  static final ForeignKeyCatalog FK = new ForeignKeyCatalog("t_id_fkey", List.of("id"), "public", "o", List.of("id"),
      ReferentialAction.SET_NULL, List.of("id"), ReferentialAction.CASCADE, MatchType.FULL, true, true, true);
  static final CheckCatalog CHECK = new CheckCatalog("name_present", "name <> ''::text", true);
  static final ExclusionCatalog EXCLUSION = new ExclusionCatalog("no_overlap", "EXCLUDE USING gist (r WITH &&)");

  static TableCatalog table() {
    return new TableCatalog("public", "t", List.of(ID, NAME), new PrimaryKeyCatalog("t_pkey", List.of("id")),
        List.of(INDEX), List.of(FK), List.of(CHECK), List.of(EXCLUSION));
  }

  record Change(String object, String field, String expected, String actual, UnaryOperator<TableCatalog> change) {
    @Override
    public String toString() {
      return object + ": " + field;
    }
  }

  static TableCatalog column(TableCatalog t, ColumnCatalog c) {
    List<ColumnCatalog> cols = new ArrayList<>(t.columns());
    cols.replaceAll(x -> x.name().equals(c.name()) ? c : x);
    return new TableCatalog(t.schema(), t.name(), cols, t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks(),
        t.exclusions());
  }

  static TableCatalog index(TableCatalog t, IndexCatalog i) {
    return new TableCatalog(t.schema(), t.name(), t.columns(), t.primaryKey(), List.of(i), t.foreignKeys(),
        t.checks(), t.exclusions());
  }

  static TableCatalog fk(TableCatalog t, ForeignKeyCatalog f) {
    return new TableCatalog(t.schema(), t.name(), t.columns(), t.primaryKey(), t.indexes(), List.of(f), t.checks(),
        t.exclusions());
  }

  static Stream<Change> changes() {
    IndexCatalog i = INDEX;
    ForeignKeyCatalog f = FK;
    return Stream.of(
        new Change("column name", "type", "text", "character varying", t -> column(t,
            new ColumnCatalog("name", "character varying", false, "'x'::text", Identity.NONE, false, null))),
        new Change("column name", "not null", "false", "true", t -> column(t,
            new ColumnCatalog("name", "text", true, "'x'::text", Identity.NONE, false, null))),
        new Change("column name", "default", "'x'::text", "none", t -> column(t,
            new ColumnCatalog("name", "text", false, null, Identity.NONE, false, null))),
        new Change("column id", "identity", "none", "always", t -> column(t,
            new ColumnCatalog("id", "bigint", true, null, Identity.ALWAYS, true, null))),
        new Change("column id", "serial", "true", "false", t -> column(t,
            new ColumnCatalog("id", "bigint", true, null, Identity.NONE, false, null))),
        new Change("column name", "generated expression", "none", "upper(x)", t -> column(t,
            new ColumnCatalog("name", "text", false, "'x'::text", Identity.NONE, false, "upper(x)"))),
        new Change("primary key", "name", "t_pkey", "old_pkey", t -> new TableCatalog("public", "t", t.columns(),
            new PrimaryKeyCatalog("old_pkey", List.of("id")), t.indexes(), t.foreignKeys(), t.checks(),
            t.exclusions())),
        new Change("primary key", "columns", "(id)", "(id, name)", t -> new TableCatalog("public", "t", t.columns(),
            new PrimaryKeyCatalog("t_pkey", List.of("id", "name")), t.indexes(), t.foreignKeys(), t.checks(),
            t.exclusions())),
        new Change("index t_name_index", "unique", "false", "true", t -> index(t, new IndexCatalog(i.name(), true,
            i.method(), i.keys(), i.include(), i.predicate(), i.nullsNotDistinct(), i.backsConstraint()))),
        new Change("index t_name_index", "method", "btree", "hash", t -> index(t, new IndexCatalog(i.name(),
            i.unique(), "hash", i.keys(), i.include(), i.predicate(), i.nullsNotDistinct(), i.backsConstraint()))),
        new Change("index t_name_index", "keys", "(\"name\")", "(\"name\" NULLS FIRST)", t -> index(t,
            new IndexCatalog(i.name(), i.unique(), i.method(), List.of(new IndexKey("name", false, null,
                "NULLS FIRST")), i.include(), i.predicate(), i.nullsNotDistinct(), i.backsConstraint()))),
        new Change("index t_name_index", "keys", "(\"name\")", "(\"name\" text_pattern_ops)", t -> index(t,
            new IndexCatalog(i.name(), i.unique(), i.method(), List.of(new IndexKey("name", false,
                "text_pattern_ops", null)), i.include(), i.predicate(), i.nullsNotDistinct(), i.backsConstraint()))),
        new Change("index t_name_index", "include", "()", "(id)", t -> index(t, new IndexCatalog(i.name(),
            i.unique(), i.method(), i.keys(), List.of("id"), i.predicate(), i.nullsNotDistinct(),
            i.backsConstraint()))),
        new Change("index t_name_index", "predicate", "none", "id > 0", t -> index(t, new IndexCatalog(i.name(),
            i.unique(), i.method(), i.keys(), i.include(), "id > 0", i.nullsNotDistinct(), i.backsConstraint()))),
        new Change("index t_name_index", "nulls not distinct", "false", "true", t -> index(t, new IndexCatalog(
            i.name(), i.unique(), i.method(), i.keys(), i.include(), i.predicate(), true, i.backsConstraint()))),
        new Change("index t_name_index", "backs a constraint", "false", "true", t -> index(t, new IndexCatalog(
            i.name(), i.unique(), i.method(), i.keys(), i.include(), i.predicate(), i.nullsNotDistinct(), true))),
        new Change("foreign key t_id_fkey", "columns", "(id)", "(name)", t -> fk(t, new ForeignKeyCatalog(f.name(),
            List.of("name"), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()))),
        new Change("foreign key t_id_fkey", "referenced table", "public.o", "tenant.o", t -> fk(t,
            new ForeignKeyCatalog(f.name(), f.columns(), "tenant", f.referencedTable(), f.referencedColumns(),
                f.onDelete(), f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(),
                f.validated()))),
        new Change("foreign key t_id_fkey", "referenced columns", "(id)", "(code)", t -> fk(t,
            new ForeignKeyCatalog(f.name(), f.columns(), f.referencedSchema(), f.referencedTable(), List.of("code"),
                f.onDelete(), f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(),
                f.validated()))),
        new Change("foreign key t_id_fkey", "on delete", "SET NULL", "SET DEFAULT", t -> fk(t,
            new ForeignKeyCatalog(f.name(), f.columns(), f.referencedSchema(), f.referencedTable(),
                f.referencedColumns(), ReferentialAction.SET_DEFAULT, f.onDeleteSetColumns(), f.onUpdate(), f.match(),
                f.deferrable(), f.initiallyDeferred(), f.validated()))),
        new Change("foreign key t_id_fkey", "on delete columns", "(id)", "()", t -> fk(t, new ForeignKeyCatalog(
            f.name(), f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            List.of(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()))),
        new Change("foreign key t_id_fkey", "on update", "CASCADE", "RESTRICT", t -> fk(t, new ForeignKeyCatalog(
            f.name(), f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), ReferentialAction.RESTRICT, f.match(), f.deferrable(), f.initiallyDeferred(),
            f.validated()))),
        new Change("foreign key t_id_fkey", "match", "FULL", "SIMPLE", t -> fk(t, new ForeignKeyCatalog(f.name(),
            f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), f.onUpdate(), MatchType.SIMPLE, f.deferrable(), f.initiallyDeferred(),
            f.validated()))),
        new Change("foreign key t_id_fkey", "initially deferred", "true", "false", t -> fk(t, new ForeignKeyCatalog(
            f.name(), f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), false, f.validated()))),
        new Change("foreign key t_id_fkey", "validated", "true", "false", t -> fk(t, new ForeignKeyCatalog(f.name(),
            f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(), false))),
        new Change("check constraint name_present", "expression", "name <> ''::text", "name IS NOT NULL", t ->
            new TableCatalog("public", "t", t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(),
                List.of(new CheckCatalog("name_present", "name IS NOT NULL", true)), t.exclusions())),
        new Change("check constraint name_present", "validated", "true", "false", t ->
            new TableCatalog("public", "t", t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(),
                List.of(new CheckCatalog("name_present", CHECK.expression(), false)), t.exclusions())),
        new Change("exclusion constraint no_overlap", "definition", EXCLUSION.definition(),
            "EXCLUDE USING gist (r WITH =)", t -> new TableCatalog("public", "t", t.columns(), t.primaryKey(),
                t.indexes(), t.foreignKeys(), t.checks(),
                List.of(new ExclusionCatalog("no_overlap", "EXCLUDE USING gist (r WITH =)")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void eachFieldIsCompared(Change c) {
    assertThat(CatalogComparison.strict().compare(table(), c.change().apply(table())))
        .containsExactly(new CatalogDifference(DIFFERENT, "public", "t", c.object(), c.field(), c.expected(),
            c.actual()));
  }

  @Test
  void identicalTablesHaveNoDifference() {
    assertThat(CatalogComparison.strict().compare(table(), table())).isEmpty();
  }

  @Test
  void missingAndUnexpectedObjectsAndTables() {
    TableCatalog t = table();
    TableCatalog bare = new TableCatalog("public", "t", List.of(ID), null, List.of(), List.of(), List.of(),
        List.of(new ExclusionCatalog("other", "EXCLUDE USING gist (r WITH =)")));
    List<String> messages = CatalogComparison.strict().compare(t, bare).stream().map(Object::toString).toList();
    assertThat(messages).containsExactly(
        "public.t: column name: missing (expected text)",
        "public.t: primary key: missing (expected t_pkey (id))",
        "public.t: index t_name_index: missing (expected btree (\"name\"))",
        "public.t: foreign key t_id_fkey: missing (expected (id) REFERENCES public.o(id) ON DELETE SET NULL"
            + " ON UPDATE CASCADE)",
        "public.t: check constraint name_present: missing (expected name <> ''::text)",
        "public.t: exclusion constraint no_overlap: missing (expected EXCLUDE USING gist (r WITH &&))",
        "public.t: exclusion constraint other: not declared (found EXCLUDE USING gist (r WITH =))");
    SchemaCatalog expected = new SchemaCatalog("public", Map.of("t", t), List.of("citext"));
    SchemaCatalog actual = new SchemaCatalog("public", Map.of("u", t), List.of("plpgsql"));
    assertThat(CatalogComparison.strict().compare(List.of(expected), List.of(actual))).containsExactly(
        new CatalogDifference(MISSING, "public", null, "extension citext", null, null, null),
        new CatalogDifference(MISSING, "public", "t", "table", null, null, null),
        new CatalogDifference(UNEXPECTED, "public", "u", "table", null, null, null));
  }

  @Test
  void aMissingExtensionIsReportedOnceAndASchemaOnOneSideIsComparedWithAnEmptyOne() {
    SchemaCatalog expectedPublic = new SchemaCatalog("public", Map.of(), List.of("citext", "plpgsql"));
    SchemaCatalog expectedTenant = new SchemaCatalog("tenant", Map.of("t", table()), List.of("citext", "plpgsql"));
    SchemaCatalog actualPublic = new SchemaCatalog("public", Map.of(), List.of("plpgsql"));
    SchemaCatalog actualOther = new SchemaCatalog("other", Map.of("x", table()), List.of("plpgsql"));
    assertThat(CatalogComparison.strict().compare(List.of(expectedPublic, expectedTenant),
        List.of(actualPublic, actualOther))).containsExactly(
        new CatalogDifference(UNEXPECTED, "other", "x", "table", null, null, null),
        new CatalogDifference(MISSING, "public", null, "extension citext", null, null, null),
        new CatalogDifference(MISSING, "tenant", "t", "table", null, null, null));
  }

  @Test
  void aCatalogPlacedInAnotherSchemaMovesItsTablesAndTheKeysIntoItsOwnSchema() {
    ForeignKeyCatalog own = new ForeignKeyCatalog("t_self_fkey", List.of("id"), "tpl", "t", List.of("id"),
        ReferentialAction.CASCADE, List.of(), ReferentialAction.NO_ACTION, MatchType.SIMPLE, false, false, true);
    TableCatalog t = new TableCatalog("tpl", "t", List.of(ID), null, List.of(), List.of(FK, own), List.of(),
        List.of());
    SchemaCatalog placed = new SchemaCatalog("tpl", Map.of("t", t), List.of("citext")).inSchema("org_1");

    assertThat(placed.schema()).isEqualTo("org_1");
    assertThat(placed.extensions()).containsExactly("citext");
    TableCatalog moved = placed.table("t").orElseThrow();
    assertThat(moved.schema()).isEqualTo("org_1");
    assertThat(moved.foreignKey("t_self_fkey").orElseThrow().referencedQualifiedName()).isEqualTo("org_1.t");
    assertThat(moved.foreignKey("t_id_fkey").orElseThrow()).as("a key into another schema stays").isEqualTo(FK);
    assertThat(CatalogComparison.strict().compare(placed,
        new SchemaCatalog("org_1", Map.of("t", t.inSchema("tpl", "org_1")), List.of("citext")))).isEmpty();
  }
}
