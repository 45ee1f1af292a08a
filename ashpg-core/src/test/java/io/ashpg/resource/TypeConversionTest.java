package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.PlainRepo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code convertType}: kept per attribute, checked for an existing attribute and for one-expression SQL. */
class TypeConversionTest {

  private static Resource item(java.util.function.Consumer<PostgresBuilder> pg) {
    return Resource.define("item", r -> r.postgres(p -> p.repo(PlainRepo.class).table("items")).postgres(pg)
        .uuidPrimaryKey("id").attribute("score", Type.BOOLEAN));
  }

  @Test
  void keptPerAttributeWithItsReverse() {
    Resource r = item(pg -> pg.convertType("score", "bigint", "\"score\" <> 0", null));
    assertThat(r.postgres().typeConversions()).containsOnlyKeys("score");
    TypeConversion c = r.postgres().typeConversions().get("score");
    assertThat(c.fromType()).isEqualTo("bigint");
    assertThat(c.using()).isEqualTo("\"score\" <> 0");
    assertThat(c.reverseUsing()).isEqualTo(Optional.empty());
    Domain.of(List.of(r)); // verifies
  }

  @Test
  void anUnknownAttributeIsAProblem() {
    assertThatThrownBy(() -> Domain.of(List.of(item(pg -> pg.convertType("scor", "bigint", "x", null)))))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("convertType").hasMessageContaining("\"scor\" is not an attribute");
  }

  @Test
  void anExpressionMustBeOneExpression() {
    assertThatThrownBy(() -> Domain.of(List.of(item(pg -> pg.convertType("score", "bigint",
        "\"score\" <> 0; DROP TABLE items", null))))).isInstanceOf(DefinitionException.class).hasMessageContaining("convertType(score)")
        .hasMessageContaining("give one SQL expression");
    assertThatThrownBy(() -> Domain.of(List.of(item(pg -> pg.convertType("score", " ", "x", null)))))
        .isInstanceOf(DefinitionException.class).hasMessageContaining("the type it converts from is blank");
  }
}
