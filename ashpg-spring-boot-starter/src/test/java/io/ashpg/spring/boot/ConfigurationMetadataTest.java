package io.ashpg.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** IDEs complete and document {@code ashpg.*} from the metadata the configuration processor writes into the jar. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedWithItsDefault() throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json on the class path").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String property : new String[] {"ashpg.enabled", "ashpg.apis", "ashpg.statement-timeout",
        "ashpg.migrate.enabled", "ashpg.migrate.tenants", "ashpg.metrics.enabled", "ashpg.metrics.tenant-tag"}) {
      assertThat(json).contains("\"name\": \"" + property + "\"");
    }
    assertThat(json).contains("Whether to apply tenant migrations too");
  }
}
