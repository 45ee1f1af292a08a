package io.ashpg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.resource.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/** Value conversion by type, PostgreSQL text forms, and question-mark handling in raw SQL. */
class SqlValuesTest {

  @Test
  void convertsByType() {
    UUID id = UUID.randomUUID();
    assertThat(SqlValues.toJdbc(id.toString(), Type.UUID)).isEqualTo(id);
    assertThat(SqlValues.toJdbc(5, Type.INTEGER)).isEqualTo(5L);
    assertThat(SqlValues.toJdbc("1.50", Type.decimal(10, 2))).isEqualTo(new BigDecimal("1.50"));
    assertThat(SqlValues.toJdbc(Instant.parse("2024-01-01T10:00:00Z"), Type.UTC_DATETIME_USEC))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    assertThat(SqlValues.toJdbc(OffsetDateTime.parse("2024-01-01T12:00:00+02:00"), Type.UTC_DATETIME))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    assertThat(SqlValues.toJdbc(LocalDateTime.of(2024, 1, 1, 10, 0), Type.TIMESTAMPTZ))
        .isEqualTo(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(((PGobject) SqlValues.toJdbc(Map.of("a", 1), Type.MAP)).getValue()).isEqualTo("{\"a\":1}");
    assertThat(SqlValues.toJdbc(List.of("a", "b"), Type.arrayOf(Type.STRING)))
        .isEqualTo(new SqlArray("text", new String[] {"a", "b"}));
    assertThat(SqlValues.toJdbc(Thread.State.NEW, Type.ATOM)).isEqualTo("NEW");
    assertThatThrownBy(() -> SqlValues.toJdbc(1.5, Type.INTEGER)).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> SqlValues.toJdbc(3, Type.STRING)).hasMessageContaining("cannot be used as string");
  }

  @Test
  void textForms() {
    assertThat(SqlValues.arrayLiteral(new String[] {"a\"b", null, "c\\d", ""})).isEqualTo("{\"a\\\"b\",NULL,"
        + "\"c\\\\d\",\"\"}");
    assertThat(SqlValues.pgText(new byte[] {1, (byte) 0xff})).isEqualTo("\\x01ff");
    assertThat(SqlValues.pgText(true)).isEqualTo("t");
    assertThat(SqlValues.pgText(new BigDecimal("1E+3"))).isEqualTo("1000");
    UUID id = new UUID(1, 2);
    StringBuilder elements = new StringBuilder();
    for (Object v : new Object[] {null, -7L, id, "NULL", "a,\"b\"\\", LocalDateTime.of(2024, 1, 1, 10, 0, 0, 5000)}) {
      SqlValues.appendArrayElement(elements.append('|'), v);
    }
    // integers and UUIDs need no quotes; every other element is quoted, so "NULL" stays a string
    assertThat(elements).hasToString("|NULL|-7|" + id + "|\"NULL\"|\"a,\\\"b\\\"\\\\\"|\"2024-01-01 10:00:00.000005\"");
  }

  @Test
  void timestampArrayElementsKeepEveryFieldAndTheWholeFraction() {
    for (LocalDateTime t : List.of(LocalDateTime.of(7, 2, 3, 4, 5, 6), LocalDateTime.of(2024, 12, 31, 23, 59, 0),
        LocalDateTime.of(2024, 1, 1, 0, 0, 0, 120_000_000), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1),
        LocalDateTime.of(9999, 1, 1, 0, 0, 0, 999_999_999), LocalDateTime.of(-5, 1, 1, 0, 0),
        LocalDateTime.of(12345, 1, 1, 0, 0))) {
      StringBuilder out = new StringBuilder();
      SqlValues.appendArrayElement(out, t);
      String element = out.substring(1, out.length() - 1);
      // what PostgreSQL reads back must be the same instant: parse it the ISO way
      assertThat(LocalDateTime.parse(element.replace(' ', 'T'))).as(element).isEqualTo(t);
    }
    StringBuilder out = new StringBuilder();
    SqlValues.appendArrayElement(out, LocalDateTime.of(7, 2, 3, 4, 5, 6, 120_000_000));
    assertThat(out).hasToString("\"0007-02-03 04:05:06.12\"");
  }

  @Test
  void rawSqlQuestionMarks() {
    assertThat(RawSql.escapeLiteral("a = 'x?' AND \"c?\" = 1 -- why?\nAND $t$ ? $t$ = '' /* ? */", "sql"))
        .isEqualTo("a = 'x?' AND \"c?\" = 1 -- why?\nAND $t$ ? $t$ = '' /* ? */");
    assertThat(RawSql.escapeLiteral("meta \\? 'k' AND meta ?? 'j'", "sql")).isEqualTo("meta ?? 'k' AND meta ?? 'j'");
    assertThatThrownBy(() -> RawSql.escapeLiteral("a = ?", "baseFilterSql of resource post"))
        .hasMessageContaining("baseFilterSql of resource post").hasMessageContaining("bare '?'");
    assertThat(RawSql.parse("f(?, '?', ?)")).hasSize(5);
  }

  @Test
  void typeNamesAreValidated() {
    assertThat(PgTypes.exact(Type.decimal(10, 2))).isEqualTo("numeric(10,2)");
    assertThat(PgTypes.base(Type.UTC_DATETIME)).isEqualTo("timestamp");
    assertThat(PgTypes.base(Type.arrayOf(Type.TIME))).isEqualTo("time[]");
    assertThatThrownBy(() -> PgTypes.exact(Type.custom("text; DROP TABLE x"))).hasMessageContaining("not a valid");
  }
}
