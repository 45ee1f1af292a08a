package io.ashpg.spring.boot;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health {@code ashpg}: UP when every repo has applied every migration file unchanged (and, with
 * {@code ashpg.migrate.tenants}, every tenant has), DOWN otherwise, with the status of each repo as details.
 */
public final class MigrationHealthIndicator extends AbstractHealthIndicator {

  private final MigrationReport report;

  public MigrationHealthIndicator(MigrationReport report) {
    super("ashpg migration status could not be read");
    this.report = report;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    MigrationReport.Snapshot snapshot = report.read();
    (snapshot.atHead() ? builder.up() : builder.down()).withDetails(snapshot.repos());
  }
}
