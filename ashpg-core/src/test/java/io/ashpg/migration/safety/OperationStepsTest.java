package io.ashpg.migration.safety;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.DdlRenderer;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.Direction;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The classification of operations agrees with what the linter reads from the SQL the generator writes for them, and
 * covers every kind of {@link Operation}.
 */
class OperationStepsTest {

  private final AttributeSnapshot authorId = fk("author_id", "uuid", "posts", "authors");
  private final TableSnapshot posts = table("posts", uuidPk("id"), col("title", "text"), authorId);
  private final IdentitySnapshot uniqueTitle = identity("posts", "unique_title", "title");
  private final CheckConstraintSnapshot check = new CheckConstraintSnapshot("title_length", List.of("title"),
      "length(title) < 100", null);
  private final CustomStatementSnapshot statement = new CustomStatementSnapshot("lower_title",
      "CREATE INDEX posts_lower_title ON posts (lower(title))", "DROP INDEX posts_lower_title", false, List.of());

  /** One operation of every kind, as the generator could emit them. */
  private List<Operation> everyKind() {
    return List.of(
        new Operation.CreateTable(posts, List.of(authorId)),
        new Operation.DropTable(posts),
        new Operation.RenameTable(posts, "articles", true),
        new Operation.MoveTableSchema(posts, "archive"),
        new Operation.AddAttribute(posts, col("body", "text")),
        new Operation.AlterAttribute(posts, col("title", "varchar").withSize(10), col("title", "text")),
        new Operation.RenameAttribute(posts, "headline", "title"),
        new Operation.RemoveAttribute(posts, col("body", "text"), false),
        new Operation.AddPrimaryKey(posts, List.of("id")),
        new Operation.RemovePrimaryKey(posts, List.of("id"), "posts_pkey"),
        new Operation.AddForeignKey(posts, authorId),
        new Operation.DropForeignKey(posts, authorId, Direction.BOTH),
        new Operation.AlterDeferrability(posts, authorId.withReferences(authorId.references()
            .withDeferrable(Deferrable.DEFERRED)), Deferrable.NO),
        new Operation.AddUniqueIndex(posts, uniqueTitle),
        new Operation.RemoveUniqueIndex(posts, uniqueTitle),
        new Operation.RenameUniqueIndex(posts, uniqueTitle, "posts_title_index"),
        new Operation.AddCustomIndex(posts, CustomIndexSnapshot.on("title")),
        new Operation.RemoveCustomIndex(posts, CustomIndexSnapshot.on("title").withName("posts_title_index")),
        new Operation.AddReferenceIndex(posts, authorId, "posts_author_id_index"),
        new Operation.RemoveReferenceIndex(posts, authorId, "posts_author_id_index"),
        new Operation.AddCheckConstraint(posts, check),
        new Operation.RemoveCheckConstraint(posts, check),
        new Operation.AddCustomStatement(posts, statement),
        new Operation.RemoveCustomStatement(posts, statement),
        new Operation.Distribute(posts.withDistribution(io.ashpg.migration.snapshot.DistributionSnapshot.reference()),
            null),
        new Operation.AddExtension("citext"),
        new Operation.AddFunction("uuid_generate_v7"),
        new Operation.RemoveFunction("uuid_generate_v7"),
        new Operation.RemoveExtension("citext"));
  }

  @Test
  void everyKindOfOperationIsClassified() {
    Set<String> sampled = everyKind().stream().map(op -> op.getClass().getSimpleName()).collect(Collectors.toSet());
    Set<String> kinds = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toSet());
    assertThat(sampled).isEqualTo(kinds);
    everyKind().forEach(op -> assertThat(OperationSteps.of(op)).as(op.describe()).isNotNull());
  }

  @Test
  void theClassificationOfEachOperationMatchesTheStepsReadFromItsSql() {
    DdlRenderer renderer = new DdlRenderer(RenderContext.GLOBAL);
    for (Operation op : everyKind()) {
      List<StepKind> classified = OperationSteps.of(op);
      if (classified.contains(StepKind.CUSTOM_SQL) || classified.contains(StepKind.NO_TABLE)) {
        continue; // custom SQL is linted as text; extensions and functions change no table
      }
      List<StepKind> read = renderer.up(op).stream().flatMap(sql -> SqlSteps.of(sql).stream()).map(SqlStep::kind)
          .map(k -> k == StepKind.ALTER_COLUMN_TYPE && classified.contains(StepKind.ALTER_COLUMN_TYPE_NO_REWRITE)
              ? StepKind.ALTER_COLUMN_TYPE_NO_REWRITE : k)
          .toList();
      assertThat(read).as(op.describe() + ": " + renderer.up(op)).isEqualTo(classified);
    }
  }

  @Test
  void aTypeChangeIsARewriteUnlessTheOldTypeIsBinaryCoercible() {
    assertThat(OperationSteps.of(new Operation.AlterAttribute(posts, col("title", "varchar").withSize(10),
        col("title", "text")))).containsExactly(StepKind.ALTER_COLUMN_TYPE_NO_REWRITE);
    assertThat(OperationSteps.of(new Operation.AlterAttribute(posts, col("n", "integer"),
        col("n", "bigint").withAllowNil(false)))).containsExactly(StepKind.ALTER_COLUMN_TYPE, StepKind.SET_NOT_NULL);
  }

  @Test
  void addingAColumnRewritesWithAVolatileDefaultOrASequenceOnly() {
    assertThat(OperationSteps.of(new Operation.AddAttribute(posts, col("token", "uuid")
        .withDefault("gen_random_uuid()")))).containsExactly(StepKind.ADD_COLUMN_VOLATILE_DEFAULT);
    assertThat(OperationSteps.of(new Operation.AddAttribute(posts, col("n", "bigserial"))))
        .containsExactly(StepKind.ADD_COLUMN_VOLATILE_DEFAULT);
    assertThat(OperationSteps.of(new Operation.AddAttribute(posts, col("at", "timestamptz")
        .withDefault("now()")))).containsExactly(StepKind.ADD_COLUMN);
  }
}
