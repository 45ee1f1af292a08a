package io.ashpg.spring.boot;

import io.ashpg.migration.run.MigrationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Info {@code ashpg}: the migration status of every repo now and, when migrations ran at startup, what that run did
 * ({@code startup}: its summary and the versions it applied).
 */
public final class MigrationInfoContributor implements InfoContributor {

  private final MigrationReport report;
  private final ObjectProvider<MigrationInitializer> initializer;

  public MigrationInfoContributor(MigrationReport report, ObjectProvider<MigrationInitializer> initializer) {
    this.report = report;
    this.initializer = initializer;
  }

  @Override
  public void contribute(Info.Builder builder) {
    MigrationReport.Snapshot snapshot = report.read();
    Map<String, Object> ashpg = new LinkedHashMap<>();
    ashpg.put("atHead", snapshot.atHead());
    ashpg.put("repos", snapshot.repos());
    MigrationInitializer startup = initializer.getIfAvailable();
    if (startup != null && !startup.results().isEmpty()) {
      Map<String, Object> runs = new LinkedHashMap<>();
      for (Map.Entry<String, MigrationResult> e : startup.results().entrySet()) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("summary", e.getValue().summary());
        run.put("applied", e.getValue().versions());
        run.put("elapsedMs", e.getValue().elapsed().toMillis());
        runs.put(e.getKey(), run);
      }
      ashpg.put("startup", runs);
    }
    builder.withDetail("ashpg", ashpg);
  }
}
