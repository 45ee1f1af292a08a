package io.ashpg.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void acceptsTheFormsTheDriverAccepts() {
    for (String url : new String[] {"jdbc:postgresql://db.example:5432/shop", "jdbc:postgresql://h1:5432,h2:5433/shop",
        "jdbc:postgresql://localhost/shop?ssl=true&password=x", "jdbc:postgresql:shop"}) {
      assertThat(JdbcUrls.require(url, "ashpg.url")).isEqualTo(url);
    }
  }

  @Test
  void anEmptyUrlIsReportedUnderItsName() {
    assertThatThrownBy(() -> JdbcUrls.require("", "ashpg.url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ashpg.url is set but empty")
        .hasMessageContaining(JdbcUrls.FORM);
    assertThatThrownBy(() -> JdbcUrls.require("  ", "environment variable ASHPG_URL"))
        .hasMessageStartingWith("environment variable ASHPG_URL is set but empty");
    assertThatThrownBy(() -> JdbcUrls.require(null, "jdbcUrl")).hasMessageStartingWith("jdbcUrl is missing");
  }

  @Test
  void aUrlOfAnotherKindIsReportedWithoutItsPassword() {
    assertThatThrownBy(() -> JdbcUrls.require("postgres://db.example/shop?password=hunter2", "ashpg.url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ashpg.url 'postgres://db.example/shop?password=***' is not a PostgreSQL JDBC URL; use "
            + JdbcUrls.FORM);
    assertThatThrownBy(() -> JdbcUrls.require("jdbc:mysql://db/shop", "jdbcUrl"))
        .hasMessageContaining("is not a PostgreSQL JDBC URL");
  }

  @Test
  void redactHidesEveryPasswordParameterAndNothingElse() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=app&password=s3cret&sslpassword=k3y&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=app&password=***&sslpassword=***&ssl=true");
    assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?PASSWORD=s3cret")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
    assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@h/db")).isEqualTo("jdbc:postgresql://app:***@h/db");
    assertThat(JdbcUrls.redact("jdbc:postgresql://h:5432/db")).isEqualTo("jdbc:postgresql://h:5432/db");
    assertThat(JdbcUrls.redact(null)).isNull();
  }
}
