package io.ashpg.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the shop on a fresh PostgreSQL database (ashpg-testing's {@code @WithPostgres}): the starter migrates it at
 * startup, and real HTTP requests read and write products through the DataLayer.
 */
@WithPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the context holds a pool on this class's database, which is dropped after the class: close it with the class
@DirtiesContext
class ShopApplicationTest {

  private static TestDatabase database;

  @Autowired
  private TestRestTemplate http;

  /** Runs before the Spring context is created, so the property source below can point it at the database. */
  @BeforeAll
  static void database(TestDatabase db) {
    database = db;
  }

  @DynamicPropertySource
  static void dataSource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> database.jdbcUrl());
    registry.add("spring.datasource.username", () -> database.user());
    registry.add("spring.datasource.password", () -> database.password());
  }

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Test
  void createsAndListsProductsThroughTheDataLayerWithTimersAndTheMigrationStatus() {
    ResponseEntity<Map<String, Object>> created = http.exchange("/products", HttpMethod.POST,
        new HttpEntity<>(Map.of("name", "teapot", "price", "24.50")), MAP);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("name", "teapot").containsKey("id").containsKey("inserted_at");
    http.postForEntity("/products", Map.of("name", "kettle", "price", "39.00"), Map.class);

    ResponseEntity<List<Map<String, Object>>> listed = http.exchange("/products", HttpMethod.GET, null, LIST);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    // sorted by name; the other test's products may be there too (one database for the class)
    List<Map<String, Object>> ours = listed.getBody().stream()
        .filter(p -> List.of("kettle", "teapot").contains(p.get("name"))).toList();
    assertThat(ours).extracting(p -> p.get("name")).containsExactly("kettle", "teapot");
    assertThat(ours).extracting(p -> p.get("price")).containsExactly(39.0, 24.5);

    // every statement of the data layer is timed: ashpg.statements, tagged by resource and operation
    ResponseEntity<Map<String, Object>> creates = http.exchange(
        "/actuator/metrics/ashpg.statements?tag=resource:product&tag=operation:create", HttpMethod.GET, null, MAP);
    assertThat(creates.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(creates.getBody().get("measurements").toString()).matches(".*statistic=COUNT, value=[2-9].*");

    ResponseEntity<Map<String, Object>> health = http.exchange("/actuator/health", HttpMethod.GET, null, MAP);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().get("components").toString()).contains("ashpg={status=UP")
        .contains("shop_repo={schema=public, upToDate=true, applied=1");

    // and what the startup run did: the context started on an empty database and applied the generated migration
    ResponseEntity<Map<String, Object>> info = http.exchange("/actuator/info", HttpMethod.GET, null, MAP);
    assertThat(info.getBody().get("ashpg").toString())
        .contains("startup={shop_repo={").contains("summary=1 migrated, 0 failed, 0 already up to date");
  }

  @Test
  void aTakenNameAndANegativePriceAreFieldErrors() {
    http.postForEntity("/products", Map.of("name", "mug", "price", "8.00"), Map.class);

    ResponseEntity<Map<String, Object>> taken = http.exchange("/products", HttpMethod.POST,
        new HttpEntity<>(Map.of("name", "mug", "price", "9.00")), MAP);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(taken.getBody().get("errors")).asList()
        .containsExactly(Map.of("field", "name", "message", "has already been taken"));

    ResponseEntity<Map<String, Object>> negative = http.exchange("/products", HttpMethod.POST,
        new HttpEntity<>(Map.of("name", "cup", "price", "-1")), MAP);
    assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(negative.getBody().get("errors")).asList()
        .containsExactly(Map.of("field", "price", "message", "must be positive"));
  }
}
