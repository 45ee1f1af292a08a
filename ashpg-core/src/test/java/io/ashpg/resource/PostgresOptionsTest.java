package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.BlogRepo;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.fixtures.ReplicaRepo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every {@code postgres} option is set somewhere here and read back from the model. */
class PostgresOptionsTest {

  @Test
  void defaults() {
    PostgresOptions pg = Resource.define("x", r -> {}).postgres();
    assertThat(pg.repo()).isEmpty();
    assertThat(pg.repoClass()).isEmpty();
    assertThat(pg.table()).isEmpty();
    assertThat(pg.schema()).isEmpty();
    assertThat(pg.migrate()).isTrue();
    assertThat(pg.polymorphic()).isFalse();
    assertThat(pg.skipAllUniqueIndexes()).isFalse();
    assertThat(pg.migrationTypes()).isEmpty();
    assertThat(pg.customIndexes()).isEmpty();
    assertThat(pg.manageTenant()).isEmpty();
    assertThat(pg.baseFilterSql()).isEmpty();
    assertThat(pg.createTableOptions()).isEmpty();
    assertThat(pg.uniqueIndexNames(Map.of())).isEmpty();
  }

  @Test
  void tableSchemaMigrateTypesAndDefaults() {
    Resource r = Resource.define("post", b -> b
        .postgres(pg -> pg
            .repo(BlogRepo.class)
            .table("posts")
            .schema("blog")
            .migrate(false)
            .migrationType("second_title", "varchar(16)")
            .migrationTypes(Map.of("id", PostgresOptions.IDENTITY_MIGRATION_TYPE))
            .migrationDefault("title", "'untitled'")
            .migrationDefaults(Map.of("score", "0"))
            .migrationIgnoreAttributes("legacy", "scratch")
            .storageType("tags", "text[]")
            .storageTypes(Map.of("meta", "jsonb"))
            .createTableOptions("PARTITION BY RANGE (id)")
            .simpleJoinFirstAggregates("latest_comment"))
        .postgres(pg -> pg.baseFilterSql("deleted_at IS NULL")));
    PostgresOptions pg = r.postgres();
    assertThat(pg.repoClass()).contains(BlogRepo.class);
    assertThat(r.repoClass(RepoPurpose.READ)).contains(BlogRepo.class);
    assertThat(r.repoClass(RepoPurpose.MUTATE)).contains(BlogRepo.class);
    assertThat(pg.table()).contains("posts");
    assertThat(r.table()).contains("posts");
    assertThat(pg.schema()).contains("blog");
    assertThat(pg.migrate()).isFalse();
    assertThat(pg.migrationTypes()).containsExactly(Map.entry("second_title", "varchar(16)"), Map.entry("id", "identity"));
    assertThat(pg.migrationType("second_title")).contains("varchar(16)");
    assertThat(pg.migrationType("title")).isEmpty();
    assertThat(pg.migrationDefaults()).containsExactly(Map.entry("title", "'untitled'"), Map.entry("score", "0"));
    assertThat(pg.migrationIgnoreAttributes()).containsExactly("legacy", "scratch");
    assertThat(pg.storageTypes()).containsExactly(Map.entry("tags", "text[]"), Map.entry("meta", "jsonb"));
    assertThat(pg.createTableOptions()).contains("PARTITION BY RANGE (id)");
    assertThat(pg.simpleJoinFirstAggregates()).containsExactly("latest_comment");
    assertThat(pg.baseFilterSql()).contains("deleted_at IS NULL");
    assertThatThrownBy(() -> pg.migrationTypes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void repoFunctionForm() {
    Resource r = Resource.define("post", b -> b.postgres(pg -> pg
        .repo((resource, purpose) -> purpose == RepoPurpose.READ ? ReplicaRepo.class : PlainRepo.class)));
    assertThat(r.postgres().repoClass()).isEmpty();
    assertThat(r.repoClass(RepoPurpose.READ)).contains(ReplicaRepo.class);
    assertThat(r.repoClass(RepoPurpose.MUTATE)).contains(PlainRepo.class);
  }

  @Test
  void identityOptions() {
    Resource r = Resource.define("user", b -> b
        .postgres(pg -> pg.table("users")
            .calculationToSql("lower_email", "lower(email)")
            .calculationsToSql(Map.of("full_name", "first || ' ' || last"))
            .identityWhereToSql("unique_active_email", "active")
            .identityWheresToSql(Map.of("unique_name", "name IS NOT NULL"))
            .identityIndexName("unique_name", "users_name_uniq")
            .identityIndexNames(Map.of("unique_active_email", "users_active_email_uniq"))
            .skipUniqueIndexes("unique_legacy"))
        .attribute("email", Type.CI_STRING)
        .identity("unique_active_email", "email")
        .identity("unique_name", "name")
        .identity("unique_lower", "lower_email")
        .identity("unique_legacy", "email"));
    PostgresOptions pg = r.postgres();
    assertThat(pg.calculationsToSql())
        .containsExactly(Map.entry("lower_email", "lower(email)"), Map.entry("full_name", "first || ' ' || last"));
    assertThat(pg.identityWheresToSql())
        .containsExactly(Map.entry("unique_active_email", "active"), Map.entry("unique_name", "name IS NOT NULL"));
    assertThat(pg.identityIndexNames()).containsEntry("unique_name", "users_name_uniq");
    assertThat(r.identityIndexName("unique_name")).isEqualTo("users_name_uniq");
    assertThat(r.identityIndexName("unique_active_email")).isEqualTo("users_active_email_uniq");
    assertThat(r.identityIndexName("unique_lower")).isEqualTo("users_unique_lower_index");
    assertThat(pg.identityIndexName("other_table", "unique_lower")).isEqualTo("other_table_unique_lower_index");
    assertThat(pg.skipUniqueIndexes()).containsExactly("unique_legacy");
    assertThat(pg.skipsUniqueIndex("unique_legacy")).isTrue();
    assertThat(pg.skipsUniqueIndex("unique_name")).isFalse();

    PostgresOptions all = Resource.define("x", b -> b.postgres(p -> p.skipUniqueIndexes(true))).postgres();
    assertThat(all.skipAllUniqueIndexes()).isTrue();
    assertThat(all.skipsUniqueIndex("anything")).isTrue();
  }

  @Test
  void customIndexOptions() {
    Resource r = Resource.define("post", b -> b.postgres(pg -> pg
        .table("posts")
        .customIndex(i -> i.fields("title", "body"))
        .customIndex(i -> i.fields("lower(title)").name("posts_lower_title").using("gin").prefix("search")
            .concurrently(true).where("deleted_at IS NULL").include("id", "author_id").nullsDistinct(false)
            .unique(true).message("title taken").allTenants(true).errorFields("title").includeBaseFilter(false))
        .customIndex(i -> i.fields(IndexField.desc("inserted_at"), IndexField.asc("title")))));
    List<CustomIndex> indexes = r.postgres().customIndexes();

    CustomIndex plain = indexes.get(0);
    assertThat(plain.fields()).containsExactly(new IndexField.Column("title"), new IndexField.Column("body"));
    assertThat(plain.name()).isEmpty();
    assertThat(plain.effectiveName("posts")).isEqualTo("posts_title_body_index");
    assertThat(plain.unique()).isFalse();
    assertThat(plain.concurrently()).isFalse();
    assertThat(plain.nullsDistinct()).isTrue();
    assertThat(plain.includeBaseFilter()).isTrue();
    assertThat(plain.allTenants()).isFalse();
    assertThat(plain.errorFields()).containsExactly("title", "body");
    assertThat(plain.include()).isEmpty();
    assertThat(plain.canGenerateName()).isTrue();

    CustomIndex full = indexes.get(1);
    assertThat(full.fields()).containsExactly(new IndexField.Expression("lower(title)"));
    assertThat(full.fields().get(0).isExpression()).isTrue();
    assertThat(full.canGenerateName()).isFalse();
    assertThat(full.effectiveName("posts")).isEqualTo("posts_lower_title");
    assertThat(full).isEqualTo(new CustomIndex(List.of(IndexField.of("lower(title)")), Optional.of("posts_lower_title"),
        true, true, Optional.of("gin"), Optional.of("search"), Optional.of("deleted_at IS NULL"),
        List.of("id", "author_id"), false, Optional.of("title taken"), true, List.of("title"), false));

    CustomIndex directed = indexes.get(2);
    assertThat(directed.fields()).containsExactly(
        new IndexField.Directed(new IndexField.Column("inserted_at"), IndexField.Direction.DESC),
        new IndexField.Directed(new IndexField.Column("title"), IndexField.Direction.ASC));
    assertThat(directed.effectiveName("posts")).isEqualTo("posts_inserted_at_title_index");
    assertThat(directed.errorFields()).containsExactly("inserted_at", "title");
  }

  @Test
  void generatedCustomIndexNameRule() {
    CustomIndex index = Resource.define("x", b -> b.postgres(pg -> pg
        .customIndex(i -> i.fields("a_", "b")))).postgres().customIndexes().get(0);
    // trailing underscores of each field are trimmed
    assertThat(index.effectiveName("t")).isEqualTo("t_a_b_index");
    assertThat(IndexField.of("title")).isInstanceOf(IndexField.Column.class);
    assertThat(IndexField.of("_x9")).isInstanceOf(IndexField.Column.class);
    assertThat(IndexField.of("9x")).isInstanceOf(IndexField.Expression.class);
    assertThat(IndexField.of("title gin_trgm_ops")).isInstanceOf(IndexField.Expression.class);
  }

  @Test
  void referencesWithAllOptions() {
    Resource r = Resource.define("comment", b -> b
        .postgres(pg -> pg
            .table("comments")
            .reference("post", ref -> ref.onDelete(OnDelete.DELETE).onUpdate(OnUpdate.UPDATE)
                .name("comments_to_posts_fkey").ignore(false).deferrable(Deferrable.INITIALLY_DEFERRED)
                .matchWith(Map.of("org_id", "org_id")).matchType(MatchType.FULL).matchTenant(true).index(true)
                .indexWhere("post_id IS NOT NULL"))
            .reference("author", ref -> ref.onDelete(OnDelete.nilify(List.of("author_id"))).ignore(true))
            .reference("editor", ref -> ref.onDelete(OnDelete.RESTRICT).onUpdate(OnUpdate.NILIFY)
                .deferrable(Deferrable.DEFERRABLE))
            .polymorphicOnDelete(OnDelete.NILIFY)
            .polymorphicOnUpdate(OnUpdate.RESTRICT)
            .polymorphicName("reactions_source_fkey"))
        .attribute("org_id", Type.UUID)
        .belongsTo("post", "post")
        .belongsTo("author", "user")
        .belongsTo("editor", "user")
        .belongsTo("plain", "user"));
    PostgresOptions pg = r.postgres();

    Reference post = pg.reference("post").orElseThrow();
    assertThat(post).isEqualTo(new Reference("post", Optional.of(OnDelete.DELETE), Optional.of(OnUpdate.UPDATE),
        Optional.of("comments_to_posts_fkey"), false, Deferrable.INITIALLY_DEFERRED, Map.of("org_id", "org_id"),
        Optional.of(MatchType.FULL), true, true, Optional.of("post_id IS NOT NULL")));

    Reference author = pg.reference("author").orElseThrow();
    assertThat(author.ignore()).isTrue();
    assertThat(author.onDelete().orElseThrow().kind()).isEqualTo(OnDelete.Kind.NILIFY);
    assertThat(author.onDelete().orElseThrow().columns()).containsExactly("author_id");
    assertThat(author.deferrable()).isEqualTo(Deferrable.NOT_DEFERRABLE);
    assertThat(author.matchWith()).isEmpty();
    assertThat(author.matchType()).isEmpty();
    assertThat(author.index()).isFalse();
    assertThat(author.name()).isEmpty();

    Reference editor = pg.reference("editor").orElseThrow();
    assertThat(editor.onDelete()).contains(OnDelete.RESTRICT);
    assertThat(editor.onUpdate()).contains(OnUpdate.NILIFY);
    assertThat(editor.deferrable()).isEqualTo(Deferrable.DEFERRABLE);
    assertThat(pg.reference("plain")).isEmpty();

    assertThat(pg.polymorphicOnDelete()).contains(OnDelete.NILIFY);
    assertThat(pg.polymorphicOnUpdate()).contains(OnUpdate.RESTRICT);
    assertThat(pg.polymorphicName()).contains("reactions_source_fkey");

    assertThat(r.foreignKeyName((BelongsTo) r.relationship("post").orElseThrow())).isEqualTo("comments_to_posts_fkey");
    assertThat(r.foreignKeyName((BelongsTo) r.relationship("plain").orElseThrow())).isEqualTo("comments_plain_id_fkey");
    assertThatThrownBy(() -> OnDelete.nilify(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkConstraints() {
    Resource r = Resource.define("product", b -> b.postgres(pg -> pg
        .checkConstraint("price", "price_must_be_positive", c -> c.check("price > 0").message("price must be positive"))
        .checkConstraint(List.of("min", "max"), "min_below_max", c -> c.check("min < max"))
        .checkConstraint("legacy", "legacy_check", c -> {})));
    assertThat(r.postgres().checkConstraints()).containsExactly(
        new CheckConstraint(List.of("price"), "price_must_be_positive", Optional.of("price must be positive"),
            Optional.of("price > 0")),
        new CheckConstraint(List.of("min", "max"), "min_below_max", Optional.empty(), Optional.of("min < max")),
        new CheckConstraint(List.of("legacy"), "legacy_check", Optional.empty(), Optional.empty()));
    assertThat(r.postgres().checkConstraints().get(1).messageOrDefault()).isEqualTo("is invalid");
  }

  @Test
  void manageTenant() {
    Resource r = Resource.define("organization", b -> b.postgres(pg -> pg
        .manageTenant(t -> t.template("org_", TemplatePart.attr("id"), "_x").create(false).update(false))));
    ManageTenant tenant = r.postgres().manageTenant().orElseThrow();
    assertThat(tenant.template()).containsExactly(TemplatePart.literal("org_"), TemplatePart.attr("id"),
        TemplatePart.literal("_x"));
    assertThat(tenant.create()).isFalse();
    assertThat(tenant.update()).isFalse();
    assertThat(tenant.templateAttributes()).containsExactly("id");
    assertThat(tenant.tenantName(Map.of("id", 10)::get)).isEqualTo("org_10_x");
    assertThatThrownBy(() -> tenant.tenantName(Map.of("id", "a b")::get)).isInstanceOf(IllegalArgumentException.class);

    ManageTenant defaults = Resource.define("o", b -> b.postgres(pg -> pg.manageTenant(t -> t.template("t_",
        TemplatePart.attr("slug"))))).postgres().manageTenant().orElseThrow();
    assertThat(defaults.create()).isTrue();
    assertThat(defaults.update()).isTrue();
    assertThatThrownBy(() -> Resource.define("o", b -> b.postgres(pg -> pg.manageTenant(t -> t.template(42)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customStatements() {
    Resource r = Resource.define("post", b -> b.postgres(pg -> pg
        .customStatement("search_trigger", s -> s.up("CREATE TRIGGER ...").down("DROP TRIGGER ...")
            .global(true).afterTables("posts", "authors"))
        .customStatement("view", s -> s.up("CREATE VIEW v AS SELECT 1").down("DROP VIEW v"))));
    assertThat(r.postgres().customStatements()).containsExactly(
        new CustomStatement("search_trigger", "CREATE TRIGGER ...", "DROP TRIGGER ...", true,
            List.of("posts", "authors")),
        new CustomStatement("view", "CREATE VIEW v AS SELECT 1", "DROP VIEW v", false, List.of()));
    assertThat(r.definitionProblems()).isEmpty();

    Resource missing = Resource.define("post", b -> b.postgres(pg -> pg.customStatement("half", s -> s.up("x"))));
    assertThat(missing.definitionProblems()).singleElement()
        .satisfies(p -> assertThat(p.option()).isEqualTo("customStatement(half)"));
  }

  @Test
  void uniqueForeignKeyAndExclusionNameListsIncludingFunctionForms() {
    Resource r = Resource.define("booking", b -> b.postgres(pg -> pg
        .uniqueIndexName(List.of("room", "day"), "bookings_room_day_index")
        .uniqueIndexName(List.of("code"), "bookings_code_index", "code taken")
        .uniqueIndexNames(values -> List.of(new UniqueIndexName(List.of("slug"),
            "bookings_" + values.get("org") + "_slug_index", Optional.empty())))
        .foreignKeyName("room_id", "bookings_room_fkey")
        .foreignKeyName("guest_id", "bookings_guest_fkey", "guest missing")
        .foreignKeyNames(values -> List.of(new ForeignKeyName("extra_id", "x_fkey", Optional.empty())))
        .exclusionConstraintName("during", "no_overlap")
        .exclusionConstraintName("during", "no_overlap2", "overlaps")
        .exclusionConstraintNames(values -> List.of(new ExclusionConstraintName("k", "dyn", Optional.of("m"))))));
    PostgresOptions pg = r.postgres();

    assertThat(pg.uniqueIndexNames()).containsExactly(
        new UniqueIndexName(List.of("room", "day"), "bookings_room_day_index", Optional.empty()),
        new UniqueIndexName(List.of("code"), "bookings_code_index", Optional.of("code taken")));
    assertThat(pg.uniqueIndexNamesFunction()).isPresent();
    assertThat(pg.uniqueIndexNames(Map.of("org", "acme"))).hasSize(3).last()
        .isEqualTo(new UniqueIndexName(List.of("slug"), "bookings_acme_slug_index", Optional.empty()));

    assertThat(pg.foreignKeyNames()).containsExactly(
        new ForeignKeyName("room_id", "bookings_room_fkey", Optional.empty()),
        new ForeignKeyName("guest_id", "bookings_guest_fkey", Optional.of("guest missing")));
    assertThat(pg.foreignKeyNames(Map.of())).extracting(ForeignKeyName::name)
        .containsExactly("bookings_room_fkey", "bookings_guest_fkey", "x_fkey");

    assertThat(pg.exclusionConstraintNames()).containsExactly(
        new ExclusionConstraintName("during", "no_overlap", Optional.empty()),
        new ExclusionConstraintName("during", "no_overlap2", Optional.of("overlaps")));
    assertThat(pg.exclusionConstraintNames(Map.of())).extracting(ExclusionConstraintName::name)
        .containsExactly("no_overlap", "no_overlap2", "dyn");

    PostgresOptions lists = Resource.define("x", b -> b.postgres(p -> p
        .uniqueIndexNames(List.of(new UniqueIndexName(List.of("a"), "u", Optional.empty())))
        .foreignKeyNames(List.of(new ForeignKeyName("a", "f", Optional.empty())))
        .exclusionConstraintNames(List.of(new ExclusionConstraintName("a", "e", Optional.empty())))))
        .postgres();
    assertThat(lists.uniqueIndexNames()).hasSize(1);
    assertThat(lists.foreignKeyNames()).hasSize(1);
    assertThat(lists.exclusionConstraintNames()).hasSize(1);
    assertThat(lists.uniqueIndexNamesFunction()).isEmpty();
  }

  @Test
  void polymorphicRelationshipContextAndSetContextActions() {
    Resource reaction = Resource.define("reaction", b -> b
        .postgres(pg -> pg.repo(BlogRepo.class).polymorphic(true))
        .read("for_posts", a -> a.setContextTable("post_reactions")));
    assertThat(reaction.postgres().polymorphic()).isTrue();
    assertThat(reaction.table()).isEmpty();
    assertThat(reaction.action("for_posts").orElseThrow().context())
        .isEqualTo(Map.of("data_layer", Map.of("table", "post_reactions")));
    assertThatThrownBy(() -> reaction.identityIndexName("x")).isInstanceOf(IllegalStateException.class);

    Resource post = Resource.define("post", b -> b
        .hasMany("reactions", "reaction", rel -> rel.contextTable("post_reactions").destinationAttribute("resource_id")));
    Relationship reactions = post.relationship("reactions").orElseThrow();
    assertThat(reactions.contextTable()).contains("post_reactions");
    assertThat(reactions.relationshipContext()).isEqualTo(Map.of("data_layer", Map.of("table", "post_reactions")));
  }
}
