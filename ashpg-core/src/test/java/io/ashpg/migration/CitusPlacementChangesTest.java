package io.ashpg.migration;

import static io.ashpg.migration.CitusCases.res;
import static io.ashpg.migration.ResourceCases.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PendingChange;
import io.ashpg.resource.Distribution;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.ResourceBuilder;
import io.ashpg.resource.Type;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes the diff must not take for a change of placement, and the one it must. */
class CitusPlacementChangesTest {

  @TempDir
  Path project;

  private final MigrationGenerator generator = ResourceCases.generator();

  private static Consumer<ResourceBuilder> byTenant(String column) {
    return r -> r.uuidPrimaryKey("id")
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute(column))
        .attribute(column, Type.INTEGER, a -> a.allowNil(false).primaryKey(true));
  }

  private String migration(GenerationResult result) {
    return result.files().stream().filter(f -> f.path().toString().endsWith(".sql")).map(f -> f.content())
        .reduce("", String::concat);
  }

  @Test
  void renamingTheDistributionColumnRenamesItInPlace() {
    step(res("account", "accounts", byTenant("org_id"))).generate(project, generator);
    GenerationResult renamed = step(res("account", "accounts", byTenant("tenant_id")))
        .withRenames("accounts.org_id:tenant_id").generate(project, generator);
    // Citus renames a distribution column along with the column: nothing to undistribute
    assertThat(migration(renamed)).contains("RENAME \"org_id\" TO \"tenant_id\"")
        .doesNotContain("undistribute_table", "create_distributed_table");
  }

  @Test
  void aNewColocationOfAPlacedTableIsRecordedButNotMoved() {
    Resource account = res("account", "accounts", byTenant("org_id"));
    Consumer<ResourceBuilder> metric = r -> r.uuidPrimaryKey("id")
        .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true));
    step(account, res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id")))))).generate(project, generator);
    GenerationResult colocated = step(account, res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("account"))))))
        .generate(project, generator);
    // colocate_with counts when a table is distributed; redistributing for it alone would copy every row
    assertThat(colocated.written()).isTrue();
    assertThat(migration(colocated)).isEmpty();
    assertThat(colocated.pending()).extracting(PendingChange::table).containsExactly("metrics");
    assertThat(colocated.files()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("\"colocate_with\": {", "\"table\": \"accounts\""));
  }

  @Test
  void distributingByAnotherColumnUndistributesFirst() {
    Consumer<ResourceBuilder> metric = r -> r.uuidPrimaryKey("id")
        .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
        .attribute("region", Type.STRING, a -> a.allowNil(false).primaryKey(true));
    step(res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id")))))).generate(project, generator);
    String sql = migration(step(res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("region")))))).generate(project, generator));
    assertThat(sql).containsSubsequence("-- ashpg:up", "SELECT undistribute_table('\"metrics\"')",
        "SELECT create_distributed_table('\"metrics\"', 'region')", "-- ashpg:down",
        "SELECT undistribute_table('\"metrics\"')", "SELECT create_distributed_table('\"metrics\"', 'org_id')");
  }

  @Test
  void retypingTheDistributionColumnIsRefusedWithTheWayAround() {
    step(res("account", "accounts", byTenant("org_id"))).generate(project, generator);
    Resource retyped = res("account", "accounts", r -> r.uuidPrimaryKey("id")
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
        .attribute("org_id", Type.UUID, a -> a.allowNil(false).primaryKey(true)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> step(retyped).generate(project, generator))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table accounts is distributed by \"org_id\"")
        .hasMessageContaining("from bigint to uuid").hasMessageContaining("distribution(Distribution.local())");
  }

  @Test
  void placingAnExistingTableWithAnIdentityColumnIsRefused() {
    Consumer<ResourceBuilder> counter = r -> r.integerPrimaryKey("id").attribute("name", Type.STRING);
    step(res("counter", "counters", counter.andThen(r -> r.postgres(pg -> pg.migrationType("id", "identity")))))
        .generate(project, generator);
    // undistribute_table, which the rollback needs, refuses identity columns
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> step(res("counter", "counters", counter.andThen(r -> r
            .postgres(pg -> pg.migrationType("id", "identity").distribution(Distribution.referenceTable())))))
            .generate(project, generator))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table counters changes its Citus placement (local to reference table)")
        .hasMessageContaining("\"id\" is one").hasMessageContaining("bigserial");
    // a bigserial column is undistributed fine
    Path other = project.resolve("serial");
    step(res("counter", "counters", counter)).generate(other, generator);
    assertThat(migration(step(res("counter", "counters", counter.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.referenceTable()))))).generate(other, generator)))
        .contains("SELECT create_reference_table('\"counters\"')", "SELECT undistribute_table('\"counters\"')");
  }
}
