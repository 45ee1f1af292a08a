package io.ashpg.migration.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.TypeCasts.Cast;
import io.ashpg.migration.diff.Conversion;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cast table against pg_cast's rows and the I/O conversion rules (checked against a live catalog elsewhere). */
class TypeCastsTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "text | varchar | BINARY", "varchar(20) | text | BINARY", "varchar(20) | varchar(40) | BINARY",
      "varchar(40) | varchar(20) | IMPLICIT", "text | varchar(20) | IMPLICIT", "char(3) | text | IMPLICIT",
      "numeric(10,2) | numeric(12,2) | BINARY", "numeric(10,2) | numeric(10,3) | IMPLICIT", "numeric(10,2) | numeric | BINARY",
      "integer | bigint | IMPLICIT", "bigint | integer | ASSIGNMENT", "bigserial | integer | ASSIGNMENT",
      "identity | bigint | BINARY", "float8 | numeric | ASSIGNMENT", "double precision | float | BINARY",
      "boolean | integer | EXPLICIT", "integer | boolean | EXPLICIT", "boolean | bigint | NONE", "numeric | boolean | NONE",
      "text | bigint | EXPLICIT", "text | uuid | EXPLICIT", "text | date | EXPLICIT", "uuid | text | ASSIGNMENT",
      "uuid | bigint | NONE", "boolean | date | NONE", "date | timestamp(0) | IMPLICIT", "timestamp(0) | date | ASSIGNMENT",
      "timestamp(0) | timestamp | BINARY", "timestamp | timestamp(0) | IMPLICIT", "timestamp(0) | timestamptz | IMPLICIT",
      "time(0) | time | BINARY", "time(0) | interval | IMPLICIT", "jsonb | text | ASSIGNMENT", "text | jsonb | EXPLICIT",
      "jsonb | numeric | EXPLICIT", "jsonb | bigint | EXPLICIT", "jsonb | uuid | NONE", "json | jsonb | ASSIGNMENT",
      "text[] | text | ASSIGNMENT", "text | text[] | EXPLICIT", "bigint[] | text[] | ASSIGNMENT", "text[] | bigint[] | EXPLICIT",
      "bigint[] | integer[] | ASSIGNMENT", "bigint[] | bigint | NONE", "bigint | bigint[] | NONE", "varchar(5)[] | text[] | IMPLICIT",
      "mood | text | ASSIGNMENT", "text | mood | EXPLICIT", "mood | color | NONE", "mood | bigint | NONE",
      "citext | text | BINARY", "text | citext | BINARY", "bpchar | citext | ASSIGNMENT", "\"Mood\" | \"Mood\" | BINARY",
      "timestamp(3) with time zone | timestamptz(6) | BINARY", "character varying(10) | varchar(10) | BINARY"})
  void castBetween(String from, String to, Cast expected) {
    assertThat(TypeCasts.cast(TypeCasts.parse(from), TypeCasts.parse(to))).isEqualTo(expected);
  }

  @Test
  void snapshotColumnsCarryTheirModifiers() {
    AttributeSnapshot v20 = AttributeSnapshot.of("c", "varchar").withSize(20);
    AttributeSnapshot v10 = AttributeSnapshot.of("c", "varchar").withSize(10);
    AttributeSnapshot n102 = AttributeSnapshot.of("c", "numeric").withPrecisionScale(10, 2);
    assertThat(TypeCasts.typeOf(v20).toString()).isEqualTo("varchar(20)");
    assertThat(TypeCasts.typeOf(n102).toString()).isEqualTo("numeric(10,2)");
    assertThat(TypeCasts.cast(v10, v20)).isEqualTo(Cast.BINARY);
    assertThat(TypeCasts.cast(v20, v10)).isEqualTo(Cast.IMPLICIT);
  }

  @Test
  void rewritesUnlessBinaryCoercibleAndWithoutUsing() {
    TableSnapshot t = io.ashpg.migration.Snap.table("t", AttributeSnapshot.of("c", "text"));
    AttributeSnapshot text = AttributeSnapshot.of("c", "text");
    AttributeSnapshot varchar = AttributeSnapshot.of("c", "varchar");
    AttributeSnapshot bigint = AttributeSnapshot.of("c", "bigint");
    assertThat(TypeCasts.rewritesTable(new AlterAttribute(t, varchar, text))).isFalse();
    assertThat(TypeCasts.rewritesTable(new AlterAttribute(t, text, bigint))).isTrue();
    assertThat(TypeCasts.rewritesTable(new AlterAttribute(t, varchar, text, new Conversion("upper(\"c\")", null))))
        .isTrue();
    assertThat(TypeCasts.rewritesTable(new AlterAttribute(t, text, text.withAllowNil(false)))).isFalse();
  }
}
