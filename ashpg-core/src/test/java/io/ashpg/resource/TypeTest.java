package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TypeTest {

  @Test
  void constantsMapToPostgresTypes() {
    assertThat(List.of(Type.STRING, Type.CI_STRING, Type.UUID, Type.UUID_V7, Type.INTEGER, Type.BOOLEAN, Type.FLOAT,
        Type.DECIMAL, Type.DATE, Type.TIME, Type.UTC_DATETIME, Type.UTC_DATETIME_USEC, Type.NAIVE_DATETIME,
        Type.TIMESTAMPTZ, Type.BINARY, Type.MAP, Type.ATOM).stream().map(Type::migrationType))
        .containsExactly("text", "citext", "uuid", "uuid", "bigint", "boolean", "float8", "numeric", "date",
            "time(0)", "timestamp(0)", "timestamp", "timestamp(0)", "timestamptz", "bytea", "jsonb", "text");
    assertThat(List.of(Type.STRING, Type.CI_STRING, Type.UUID, Type.UUID_V7, Type.INTEGER, Type.MAP, Type.ATOM)
        .stream().map(Type::name))
        .containsExactly("string", "ci_string", "uuid", "uuid_v7", "integer", "map", "atom");
  }

  @Test
  void factoriesCarrySizePrecisionAndScale() {
    Type money = Type.decimal(10, 2);
    assertThat(money.migrationType()).isEqualTo("numeric(10,2)");
    assertThat(money.precision()).hasValue(10);
    assertThat(money.scale()).hasValue(2);
    assertThat(money.name()).isEqualTo("decimal");

    Type code = Type.string(16);
    assertThat(code.migrationType()).isEqualTo("text");
    assertThat(code.size()).hasValue(16);
    assertThat(Type.STRING.size()).isEqualTo(OptionalInt.empty());

    assertThat(Type.arrayOf(Type.STRING).migrationType()).isEqualTo("text[]");
    assertThat(Type.arrayOf(Type.arrayOf(Type.INTEGER)).migrationType()).isEqualTo("bigint[][]");
    assertThat(((Type.ArrayOf) Type.arrayOf(Type.UUID)).element()).isEqualTo(Type.UUID);

    Type status = Type.enumOf("draft", "published");
    assertThat(status.migrationType()).isEqualTo("text");
    assertThat(((Type.OneOf) status).values()).containsExactly("draft", "published");

    assertThat(Type.custom("vector(3)").migrationType()).isEqualTo("vector(3)");
    assertThat(Type.custom("ltree").name()).isEqualTo("ltree");
  }

  @Test
  void equalityIsByValue() {
    assertThat(Type.decimal(10, 2)).isEqualTo(Type.decimal(10, 2)).isNotEqualTo(Type.decimal(12, 2));
    assertThat(Type.arrayOf(Type.STRING)).isEqualTo(Type.arrayOf(Type.STRING));
    assertThat(Type.string(5)).isNotEqualTo(Type.STRING);
    assertThat(Type.UUID).isNotEqualTo(Type.UUID_V7);
    assertThat(Type.custom("ltree")).isEqualTo(Type.custom("ltree"));
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> Type.decimal(2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Type.string(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(Type::enumOf).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Type.custom(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
