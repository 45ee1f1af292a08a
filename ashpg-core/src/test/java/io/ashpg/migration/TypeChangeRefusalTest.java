package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.ddl.TypeChangeRefusedException;
import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.PostgresBuilder;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one error of a type change PostgreSQL cannot convert: it names schema (or tenant), table, column, both types
 * and the ways out, says which direction has no cast and why a stated conversion did not help, and nothing is
 * written.
 */
class TypeChangeRefusalTest {

  @TempDir
  Path project;

  private final MigrationGenerator generator = ResourceCases.generator();

  private GenerationResult generate(Resource... resources) {
    return generator.generate(Domain.of(List.of(resources)), GeneratorOptions.defaults(project).withQuiet(true),
        RenameDecider.strict(), PrimaryKeyChooser.none());
  }

  private static Resource items(Type score, boolean tenant, Consumer<PostgresBuilder> pg) {
    return ResourceCases.res("item", "items", r -> {
      if (tenant) {
        r.multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT));
      }
      r.uuidPrimaryKey("id").attribute("score", score).postgres(pg);
    });
  }

  private void refused(Resource before, Resource after, String... messageParts) {
    assertThat(generate(before).written()).isTrue();
    Map<String, String> files = GoldenFiles.read(project);
    assertThatThrownBy(() -> generate(after)).isInstanceOf(TypeChangeRefusedException.class)
        .hasMessageContainingAll(messageParts);
    assertThat(GoldenFiles.read(project)).as("nothing written").isEqualTo(files);
  }

  @Test
  void noCastThere() {
    refused(items(Type.INTEGER, false, pg -> { }), items(Type.BOOLEAN, false, pg -> { }),
        "column \"score\" of table public.items changes type from bigint to boolean, and PostgreSQL has no cast from"
            + " bigint to boolean, so the migration could not convert it. Ways out: state the conversion on the"
            + " resource, postgres(pg -> pg.convertType(\"score\", \"bigint\",",
        "go through a new column", "keep the type bigint");
  }

  @Test
  void noCastBackAndNoReverseExpression() {
    refused(items(Type.INTEGER, false, pg -> { }),
        items(Type.BOOLEAN, false, pg -> pg.convertType("score", "bigint", "\"score\" <> 0", null)),
        "changes back from boolean to bigint in down", "no cast from boolean to bigint",
        "the conversion stated for it has no expression back for down");
  }

  @Test
  void aConversionFromAnotherTypeIsNotUsed() {
    refused(items(Type.INTEGER, false, pg -> { }),
        items(Type.BOOLEAN, false, pg -> pg.convertType("score", "integer", "\"score\" <> 0", "\"score\"::integer")),
        "resource item states a conversion from integer, which is not the column's type before this change");
  }

  @Test
  void aTenantTableIsNamedAsOne() {
    refused(items(Type.UUID, true, pg -> { }), items(Type.INTEGER, true, pg -> { }),
        "column \"score\" of table items (in every tenant schema) changes type from uuid to bigint");
  }

  @Test
  void theStatedConversionWithItsReverseIsGenerated() {
    assertThat(generate(items(Type.INTEGER, false, pg -> { })).written()).isTrue();
    assertThat(generate(items(Type.BOOLEAN, false, pg -> pg.convertType("score", "int8", "\"score\" <> 0",
        "\"score\"::integer"))).written()).as("int8 is bigint").isTrue();
  }
}
