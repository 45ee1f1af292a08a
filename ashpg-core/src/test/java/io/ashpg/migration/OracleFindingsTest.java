package io.ashpg.migration;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migrations the schema oracle found wrong, each run up, down and up again like the golden round trips. A case with
 * a known, still open defect is reported as aborted naming the defect while it still fails, and fails the build as
 * soon as it passes, so the marker is removed together with the fix.
 */
@WithPostgres
class OracleFindingsTest {

  /**
   * An open defect.
   *
   * @param description what goes wrong
   * @param symptom     text the failure must contain (so a case failing for another reason is not excused)
   */
  private record Defect(String description, String symptom) {
  }

  /** Open defects by case name. */
  private static final Map<String, Defect> KNOWN_DEFECTS = Map.of();

  private final TestDatabase db;

  OracleFindingsTest(TestDatabase db) {
    this.db = db;
  }

  private static GoldenCases.Case c(String name, List<TableSnapshot> base, List<TableSnapshot> target,
      String... renames) {
    return new GoldenCases.Case(name, List.of(), base, target, false, List.of(renames), true);
  }

  static List<GoldenCases.Case> cases() {
    // identity columns are NOT NULL in PostgreSQL: dropping the identity of a nullable column must drop NOT NULL,
    // and making a nullable column an identity must set NOT NULL first (down of the same migration)
    TableSnapshot identity = table("tickets", uuidPk("id"), col("seq", "identity"), col("subject", "text"));
    TableSnapshot plain = table("tickets", uuidPk("id"), col("seq", "bigint"), col("subject", "text"));

    TableSnapshot owners = table("owners", uuidPk("id"));
    TableSnapshot pages = table("pages", uuidPk("id"), fk("owner_id", "uuid", "pages", "owners"));
    AttributeSnapshot toPeople = fk("owner_id", "uuid", "pages", "people");
    toPeople = toPeople.withReferences(toPeople.references().withName("pages_owner_id_fkey"));
    AttributeSnapshot toArchive = fk("owner_id", "uuid", "pages", "owners");
    toArchive = toArchive.withReferences(toArchive.references().withSchema("archive"));
    return List.of(
        c("identity_to_nullable_bigint", List.of(identity), List.of(plain)),
        c("rename_referenced_table", List.of(owners, pages),
            List.of(owners.withTable("people"), pages.replaceAttribute(toPeople)), "owners:people"),
        c("move_referenced_table", List.of(owners, pages),
            List.of(owners.withSchema("archive"), pages.replaceAttribute(toArchive)), "owners:archive.owners"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(GoldenCases.Case c) throws Exception {
    Defect defect = KNOWN_DEFECTS.get(c.name());
    if (defect == null) {
      new GoldenRoundTripTest(db).upDownUp(c);
      return;
    }
    try {
      new GoldenRoundTripTest(db).upDownUp(c);
    } catch (AssertionError | Exception e) {
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n');
      }
      assertThat(messages.toString()).as("failure of %s with open defect '%s'", c, defect.description())
          .contains(defect.symptom());
      Assumptions.abort("known defect, still open: " + defect.description() + "\n" + messages);
    }
    fail("known defect no longer reproduces, remove it from KNOWN_DEFECTS: " + defect.description());
  }
}
