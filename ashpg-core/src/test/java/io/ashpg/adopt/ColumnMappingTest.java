package io.ashpg.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Column types and defaults as the DSL writes them (the round trips in SchemaAdopterTest prove them on PostgreSQL). */
class ColumnMappingTest {

  @Test
  void typesTheDslNamesBecomeConstantsAndOthersStayCustom() {
    assertThat(ColumnMapping.type("text")).isEqualTo("Type.STRING");
    assertThat(ColumnMapping.type("timestamp without time zone")).isEqualTo("Type.UTC_DATETIME_USEC");
    assertThat(ColumnMapping.type("numeric(10,2)")).isEqualTo("Type.decimal(10, 2)");
    assertThat(ColumnMapping.type("text[]")).isEqualTo("Type.arrayOf(Type.STRING)");
    assertThat(ColumnMapping.type("character varying(40)")).isEqualTo("Type.custom(\"varchar(40)\")");
    assertThat(ColumnMapping.type("integer[]")).isEqualTo("Type.custom(\"integer[]\")");
    assertThat(ColumnMapping.type("timestamp(3) with time zone"))
        .isEqualTo("Type.custom(\"timestamp(3) with time zone\")");
  }

  @Test
  void defaultsTakeTheirDslFormOnlyWhereItLowersToTheSameSql() {
    assertThat(ColumnMapping.defaultValue(null, "text", false)).isEmpty();
    assertThat(ColumnMapping.defaultValue("gen_random_uuid()", "uuid", false))
        .hasValue("AttributeDefault.uuidGenerate()");
    // with uuid-ossp installed the DSL lowers uuidGenerate() to uuid_generate_v4(), so gen_random_uuid() stays SQL
    assertThat(ColumnMapping.defaultValue("gen_random_uuid()", "uuid", true))
        .hasValue("AttributeDefault.sql(\"gen_random_uuid()\")");
    assertThat(ColumnMapping.defaultValue("now()", "timestamp with time zone", false))
        .hasValue("AttributeDefault.now()");
    assertThat(ColumnMapping.defaultValue("now()", "timestamp without time zone", false))
        .hasValue("AttributeDefault.sql(\"now()\")");
    assertThat(ColumnMapping.defaultValue("(now() AT TIME ZONE 'utc'::text)", "timestamp without time zone", false))
        .hasValue("AttributeDefault.now()");
    assertThat(ColumnMapping.defaultValue("0", "integer", false)).hasValue("0L");
    assertThat(ColumnMapping.defaultValue("0", "numeric(12,2)", false)).hasValue("AttributeDefault.sql(\"0\")");
    assertThat(ColumnMapping.defaultValue("'it''s'::text", "text", false)).hasValue("\"it's\"");
    assertThat(ColumnMapping.defaultValue("'x'::text", "citext", false))
        .hasValue("AttributeDefault.sql(\"'x'::text\")");
    assertThat(ColumnMapping.defaultValue("true", "boolean", false)).hasValue("true");
  }
}
