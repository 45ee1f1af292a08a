package io.ashpg.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule with a bad and a good migration, both run on PostgreSQL: the linter names the rule at the bad statement's
 * line and finds nothing to warn about in the good form, and the migrator applies the good form (it is real, working
 * SQL, suppression comments included). The rule whose bad form PostgreSQL itself refuses
 * ({@link LintRule#CONCURRENT_IN_TRANSACTION}) fails to migrate with PostgreSQL's own message.
 */
@WithPostgres
class LintRulesTest {

  /** Existing tables holding rows, created by the first migration of every case. */
  private static final String BASE = """
      -- ashpg:up
      CREATE TABLE authors (id bigint PRIMARY KEY);
      INSERT INTO authors SELECT g FROM generate_series(1, 100) g;
      CREATE TABLE posts (id bigint PRIMARY KEY, title text, n int, author_id bigint, w varchar(10));
      INSERT INTO posts SELECT g, 't' || g, g, g, 'w' FROM generate_series(1, 100) g;
      CREATE INDEX posts_n_index ON posts (n);
      CREATE TABLE tags (id int NOT NULL, name text);
      INSERT INTO tags SELECT g, 'x' FROM generate_series(1, 100) g;
      """;

  private final TestDatabase db;

  @TempDir
  Path dir;

  LintRulesTest(TestDatabase db) {
    this.db = db;
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule(LintRule.ADD_FOREIGN_KEY_VALIDATING,
            List.of("-- ashpg:up\n\nALTER TABLE posts ADD CONSTRAINT posts_author_fkey\n"
                + "  FOREIGN KEY (author_id) REFERENCES authors (id);\n"), 3,
            List.of("-- ashpg:up\nALTER TABLE posts ADD CONSTRAINT posts_author_fkey FOREIGN KEY (author_id)"
                    + " REFERENCES authors (id) NOT VALID;\n",
                "-- ashpg:up\nALTER TABLE posts VALIDATE CONSTRAINT posts_author_fkey;\n")),
        rule(LintRule.ADD_CHECK_VALIDATING,
            List.of("-- ashpg:up\nALTER TABLE posts ADD CONSTRAINT posts_n_check CHECK (n >= 0);\n"), 2,
            List.of("-- ashpg:up\nALTER TABLE posts ADD CONSTRAINT posts_n_check CHECK (n >= 0) NOT VALID;\n",
                "-- ashpg:up\nALTER TABLE posts VALIDATE CONSTRAINT posts_n_check;\n")),
        rule(LintRule.SET_NOT_NULL_SCAN,
            List.of("-- ashpg:up\n-- titles are required\nALTER TABLE \"posts\" ALTER COLUMN \"title\" SET NOT NULL;\n"),
            3,
            List.of("-- ashpg:up\nALTER TABLE posts ADD CONSTRAINT posts_title_nn CHECK (title IS NOT NULL) NOT VALID;\n",
                "-- ashpg:up\nALTER TABLE posts VALIDATE CONSTRAINT posts_title_nn;\n"
                    + "ALTER TABLE posts ALTER COLUMN title SET NOT NULL;\n"
                    + "ALTER TABLE posts DROP CONSTRAINT posts_title_nn;\n")),
        rule(LintRule.CREATE_INDEX_NON_CONCURRENT,
            List.of("-- ashpg:up\nCREATE INDEX posts_title_index ON posts (title);\n"), 2,
            List.of("-- ashpg:no-transaction\n-- ashpg:up\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_title_index ON posts (title);\n")),
        rule(LintRule.CONCURRENT_IN_TRANSACTION,
            List.of("-- ashpg:up\nCREATE INDEX CONCURRENTLY posts_title_index ON posts (title);\n"), 2,
            List.of("-- ashpg:no-transaction\n-- ashpg:up\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_title_index ON posts (title);\n")),
        rule(LintRule.DROP_INDEX_NON_CONCURRENT,
            List.of("-- ashpg:up\nDROP INDEX posts_n_index;\n"), 2,
            List.of("-- ashpg:no-transaction\n-- ashpg:up\nDROP INDEX CONCURRENTLY IF EXISTS posts_n_index;\n")),
        rule(LintRule.ADD_COLUMN_VOLATILE_DEFAULT,
            List.of("-- ashpg:up\nALTER TABLE posts ADD COLUMN token uuid DEFAULT gen_random_uuid() NOT NULL;\n"), 2,
            List.of("-- ashpg:up\nALTER TABLE posts ADD COLUMN token uuid;\n"
                    + "ALTER TABLE posts ALTER COLUMN token SET DEFAULT gen_random_uuid();\n",
                "-- ashpg:up\nUPDATE posts SET token = gen_random_uuid() WHERE id BETWEEN 1 AND 1000 AND token IS NULL;\n")),
        rule(LintRule.COLUMN_TYPE_REWRITE,
            List.of("-- ashpg:up\nALTER TABLE posts ALTER COLUMN n TYPE bigint USING n::bigint;\n"), 2,
            List.of("-- ashpg:up\nALTER TABLE posts ADD COLUMN n_big bigint;\n",
                "-- ashpg:up\nUPDATE posts SET n_big = n WHERE n_big IS NULL;\n")),
        rule(LintRule.RENAME_COLUMN,
            List.of("-- ashpg:up\nALTER TABLE posts RENAME COLUMN title TO headline;\n"), 2,
            List.of("-- ashpg:up\nALTER TABLE posts ADD COLUMN headline text;\n",
                "-- ashpg:up\nUPDATE posts SET headline = title WHERE headline IS NULL;\n")),
        rule(LintRule.RENAME_TABLE,
            List.of("-- ashpg:up\nALTER TABLE posts RENAME TO articles;\n"), 2,
            // expand: the table gets its new name and the old name lives on as an (updatable) view
            List.of("-- ashpg:up\n-- ashpg:lint-ignore rename-table, missing-lock-timeout\n"
                + "ALTER TABLE posts RENAME TO articles;\nCREATE VIEW posts AS SELECT * FROM articles;\n")),
        rule(LintRule.DROP_COLUMN,
            List.of("-- ashpg:up\nALTER TABLE posts DROP COLUMN w;\n"), 2,
            List.of("-- the release before this one stopped reading and writing posts.w\n"
                + "-- ashpg:lint-ignore ashpg:drop-column ashpg:missing-lock-timeout\n-- ashpg:up\n"
                + "ALTER TABLE posts DROP COLUMN w;\n")),
        rule(LintRule.DROP_TABLE,
            List.of("-- ashpg:up\nDROP TABLE tags;\n"), 2,
            List.of("-- ashpg:up\n-- ashpg:lint-ignore drop-table\n-- ashpg:lint-ignore missing-lock-timeout\n"
                + "DROP TABLE tags;\n")),
        rule(LintRule.CONSTRAINT_INDEX_BUILD,
            List.of("-- ashpg:up\nALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY (id);\n"), 2,
            List.of("-- ashpg:no-transaction\n-- ashpg:up\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS tags_id_index ON tags (id);\n",
                "-- ashpg:up\nSET LOCAL lock_timeout = '5s';\n"
                    + "ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_id_index;\n")),
        rule(LintRule.MISSING_LOCK_TIMEOUT,
            List.of("-- ashpg:up\nALTER TABLE posts ALTER COLUMN n SET DEFAULT 0;\n"), 2,
            List.of("-- ashpg:up\nSET LOCAL lock_timeout = '5s';\nALTER TABLE posts ALTER COLUMN n SET DEFAULT 0;\n")));
  }

  private static Arguments rule(LintRule rule, List<String> bad, int badLine, List<String> good) {
    return Arguments.of(rule, bad, badLine, good);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theBadFormIsNamedAtItsLineAndTheGoodFormMigratesClean(LintRule rule, List<String> bad, int badLine,
      List<String> good) throws IOException {
    String name = rule.shortName().replace('-', '_');
    List<MigrationLinter.Source> badFiles = write(dir.resolve("bad"), bad);
    List<MigrationLinter.Source> goodFiles = write(dir.resolve("good"), good);
    MigrationLinter linter = new MigrationLinter(LintOptions.DEFAULTS);

    List<LintFinding> badFindings = linter.lint(badFiles);
    assertThat(badFindings).filteredOn(f -> f.rule() == rule)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.location()).endsWith("20240102000001_step_1.sql");
          assertThat(f.line()).isEqualTo(badLine);
          assertThat(f.format()).contains(rule.id()).contains(":[" + badLine + "]").contains(rule.fix());
        });
    List<LintFinding> goodFindings = linter.lint(goodFiles);
    assertThat(goodFindings).as("the good form").filteredOn(f -> f.rule() == rule).isEmpty();
    assertThat(goodFindings).as("the good form").filteredOn(f -> f.severity().atLeast(Severity.WARNING)).isEmpty();

    MigrationResult applied = Migrator.create(db.dataSource(), Db.options("good_" + name, dir.resolve("good"))
        .build()).migrate();
    assertThat(applied.versions()).hasSize(good.size() + 1);
    if (rule == LintRule.CONCURRENT_IN_TRANSACTION) {
      assertThatThrownBy(() -> Migrator.create(db.dataSource(), Db.options("bad_" + name, dir.resolve("bad")).build())
          .migrate()).isInstanceOf(MigrationException.class)
          .hasMessageContaining("cannot run inside a transaction block");
    } else {
      assertThat(Migrator.create(db.dataSource(), Db.options("bad_" + name, dir.resolve("bad")).build()).migrate()
          .versions()).hasSize(bad.size() + 1);
    }
  }

  /** The base migration and {@code steps} after it, as files in {@code folder} and as lint sources. */
  private static List<MigrationLinter.Source> write(Path folder, List<String> steps) throws IOException {
    Files.createDirectories(folder);
    List<MigrationLinter.Source> out = new ArrayList<>();
    out.add(source(folder, "20240101000000_base.sql", BASE));
    for (int i = 0; i < steps.size(); i++) {
      out.add(source(folder, String.format(Locale.ROOT, "2024010200000%d_step_%d.sql", i + 1, i + 1), steps.get(i)));
    }
    return out;
  }

  private static MigrationLinter.Source source(Path folder, String fileName, String content) throws IOException {
    Path file = folder.resolve(fileName);
    Files.writeString(file, content);
    return new MigrationLinter.Source(file.toString(), fileName, content);
  }
}
