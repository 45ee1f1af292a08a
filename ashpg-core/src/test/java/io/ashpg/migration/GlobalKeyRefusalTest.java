package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.ashpg.migration.diff.TenantKeyDependents.Dependent;
import io.ashpg.migration.generate.GeneratedFile;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.GlobalKeyInUseException;
import io.ashpg.migration.generate.MigrationGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator refuses a public migration that would drop a key (or the table) of a global table while tenant
 * tables reference it ({@link ResourceCases#globalKeysUnderTenantReferences()}): the error names what goes and every
 * tenant foreign key in its way, and nothing is written. Going through the step without those references, as the
 * error advises, generates. {@code GlobalKeyUnderTenantReferencesTest} shows on PostgreSQL why the refusal is needed
 * and that the way out migrates up and down.
 */
class GlobalKeyRefusalTest {

  @TempDir
  Path project;

  static Stream<ResourceCases.Case> cases() {
    return ResourceCases.globalKeysUnderTenantReferences().stream();
  }

  private static ResourceCases.Case byName(String name) {
    return cases().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesBeforeWritingAnythingInEveryMode(ResourceCases.Case c) {
    MigrationGenerator generator = ResourceCases.generator();
    assertThat(c.steps().get(0).generate(project, generator).written()).isTrue();
    Map<String, String> before = GoldenFiles.read(project);
    ResourceCases.Step change = c.steps().get(2);

    List<UnaryOperator<GeneratorOptions>> modes = List.of(o -> o, o -> o.withDryRun(true),
        o -> o.withCheckMigrated(true), o -> o.withDev(true));
    for (UnaryOperator<GeneratorOptions> mode : modes) {
      assertThatThrownBy(() -> change.generate(project, generator, mode))
          .isInstanceOf(GlobalKeyInUseException.class)
          .hasMessageContaining("Nothing was written");
      assertThat(GoldenFiles.read(project)).as("files after the refusal").isEqualTo(before);
    }

    // the way out: first without the tenant references, then the change
    assertThat(c.steps().get(1).generate(project, generator).written()).isTrue();
    GenerationResult changed = change.generate(project, generator);
    assertThat(changed.written()).isTrue();
    assertThat(changed.migrations()).map(GeneratedFile::kind).contains(GeneratedFile.Kind.MIGRATION);
  }

  @Test
  void movedPrimaryKeyNamesTheKeyEveryTenantForeignKeyAndTheWayOut() {
    ResourceCases.Case c = byName("global_primary_key_moved_under_tenant_references");
    MigrationGenerator generator = ResourceCases.generator();
    c.steps().get(0).generate(project, generator);

    GlobalKeyInUseException e = refusal(c);
    assertThat(e.repo()).isEqualTo("plain_repo");
    // drafts is re-pointed to guid and revisions keeps id: both still depend on posts_pkey when the public part runs
    assertThat(e.dependents()).extracting(Dependent::tenantTable, Dependent::constraint, Dependent::globalTable,
            Dependent::referencedColumns)
        .containsExactly(
            tuple("drafts", "drafts_post_id_fkey", "public.posts", List.of("id")),
            tuple("revisions", "revisions_post_id_fkey", "public.posts",
                List.of("id")));
    assertThat(e.getMessage())
        .contains("repo plain_repo: cannot generate this change.")
        .contains("The public migration would drop primary key posts_pkey (id) of global table public.posts,"
            + " and foreign keys of tenant tables depend on it:")
        .contains("  - tenant table drafts: drafts_post_id_fkey (post_id) → public.posts (id)")
        .contains("  - tenant table revisions: revisions_post_id_fkey (post_id) → public.posts (id)")
        .contains("SQLSTATE 2BP01")
        .contains("even where this change also drops or re-points those foreign keys")
        .contains("pg.reference(\"<relationship>\", ref -> ref.ignore(true))")
        .contains("leave public.posts as it is")
        .contains("without -Dashpg.dev")
        .contains("ashpg:migrate -Dashpg.tenants), in every database before the second generation reaches it")
        .contains("then make the change to public.posts");
    assertThat(e.getMessage().split("The public migration would drop", -1)).hasSize(2);
  }

  @Test
  void replacedIdentityNamesItsUniqueIndex() {
    ResourceCases.Case c = byName("global_identity_replaced_under_tenant_references");
    c.steps().get(0).generate(project, ResourceCases.generator());
    assertThat(refusal(c).getMessage())
        .contains("The public migration would drop unique index accounts_unique_code_index (code) of identity"
            + " unique_code of global table public.accounts")
        .contains("  - tenant table entries: entries_account_id_fkey (account_id) → public.accounts (code)");
  }

  @Test
  void droppedTableNamesTheTable() {
    ResourceCases.Case c = byName("global_table_dropped_under_tenant_references");
    c.steps().get(0).generate(project, ResourceCases.generator());
    assertThat(refusal(c).getMessage())
        .contains("The public migration would drop global table public.posts, and foreign keys of tenant tables"
            + " depend on it:")
        .contains("  - tenant table revisions: revisions_post_id_fkey (post_id) → public.posts (id)");
  }

  @Test
  void devMigrationsAreNeitherRolledBackNorDeletedWhenTheSquashIsRefused() {
    ResourceCases.Case c = byName("global_primary_key_moved_under_tenant_references");
    MigrationGenerator generator = ResourceCases.generator().withDevRollback(dev -> {
      throw new AssertionError("the refused run must not roll back dev migrations");
    });
    c.steps().get(0).generate(project, generator);
    // removing the references as a dev migration does not count: the normal run squashes it with the key change
    assertThat(c.steps().get(1).generate(project, generator, o -> o.withDev(true)).written()).isTrue();
    assertThat(c.steps().get(2).generate(project, generator, o -> o.withDev(true)).written()).isTrue();
    Map<String, String> before = GoldenFiles.read(project);
    assertThat(before.keySet()).anyMatch(f -> f.endsWith("_dev.sql"));

    assertThatThrownBy(() -> c.steps().get(2).generate(project, generator))
        .isInstanceOf(GlobalKeyInUseException.class);
    assertThat(GoldenFiles.read(project)).isEqualTo(before);
  }

  private GlobalKeyInUseException refusal(ResourceCases.Case c) {
    Throwable t = catchThrowable(() -> c.steps().get(2).generate(project, ResourceCases.generator()));
    assertThat(t).isInstanceOf(GlobalKeyInUseException.class);
    return (GlobalKeyInUseException) t;
  }
}
