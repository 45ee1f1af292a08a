package io.ashpg.migration.ddl;

import java.util.Arrays;
import java.util.Optional;

/**
 * SQL functions ashpg installs itself, through a repo's extensions migration (as AshPostgres does with its
 * "ash-functions"): written in PL/pgSQL, needing no extension, created in schema {@code public} (which tenant
 * migrations have on their search path too).
 *
 * <p>The install is {@code CREATE OR REPLACE FUNCTION} plus a marker comment, and only when the function does not
 * exist yet or carries that marker: a function of the same name from elsewhere (the {@code pg_uuidv7} extension, a
 * hand-written one) is left alone. The removal drops the function only when it carries the marker (ashpg created
 * it) and nothing depends on it any more (no column default of another repo or tenant still uses it). Both take a
 * transaction-level advisory lock first, so tenant migrations running side by side do them one at a time.
 */
public enum AshpgFunction {

  /**
   * {@code uuid_generate_v7()}: an RFC 9562 version-7 UUID — the Unix time in milliseconds in the first 48 bits,
   * version 7, variant {@code 10}, the remaining 74 bits random (taken from {@code gen_random_uuid()}). The default of
   * {@code uuidV7Generate()} below PostgreSQL 18, whose built-in is {@code uuidv7()}.
   */
  UUID_GENERATE_V7("uuid_generate_v7", "pg_uuidv7", "uuid", """
      DECLARE
        bytes bytea := uuid_send(gen_random_uuid());
        unix_ms bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
      BEGIN
        -- bytes 0 to 5: the Unix time in milliseconds, big-endian
        bytes := overlay(bytes PLACING substring(int8send(unix_ms) FROM 3) FROM 1 FOR 6);
        -- version 7 in the high half of byte 6, variant 10 in the two high bits of byte 8
        bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
        bytes := set_byte(bytes, 8, (get_byte(bytes, 8) & 63) | 128);
        RETURN encode(bytes, 'hex')::uuid;
      END""");

  private final String sqlName;
  private final String providedBy;
  private final String returns;
  private final String body;

  AshpgFunction(String sqlName, String providedBy, String returns, String body) {
    this.sqlName = sqlName;
    this.providedBy = providedBy;
    this.returns = returns;
    this.body = body;
  }

  /** The function's name, as stored in the extensions snapshot. */
  public String sqlName() {
    return sqlName;
  }

  /** The function named {@code name}, if ashpg knows it. */
  public static Optional<AshpgFunction> named(String name) {
    return Arrays.stream(values()).filter(f -> f.sqlName.equals(name)).findFirst();
  }

  /** Whether SQL (a column default) calls this function. */
  public boolean usedBy(String sql) {
    return sql != null && sql.contains(sqlName + "(");
  }

  /** An extension that provides a function of the same name, so ashpg need not install its own. */
  public String providedBy() {
    return providedBy;
  }

  private String signature() {
    return "public." + sqlName + "()";
  }

  private String marker() {
    return "installed by ashpg";
  }

  /** Start of both DO blocks: find the function, holding the lock. */
  private String begin() {
    return "DO $ashpg$\nDECLARE\n  existing regprocedure;\nBEGIN\n"
        + "  PERFORM pg_advisory_xact_lock(hashtext('ashpg function " + sqlName + "'));\n"
        + "  existing := to_regprocedure('" + signature() + "');\n";
  }

  /** The statement installing the function (a DO block, see the class comment). */
  public String install() {
    return begin()
        + "  IF existing IS NOT NULL AND obj_description(existing, 'pg_proc') IS DISTINCT FROM '" + marker()
        + "' THEN\n"
        + "    RAISE NOTICE '" + signature() + " exists and was not installed by ashpg; it is left as it is';\n"
        + "    RETURN;\n  END IF;\n"
        + "  CREATE OR REPLACE FUNCTION " + signature() + " RETURNS " + returns
        + " LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $function$\n" + body.indent(2)
        + "  $function$;\n"
        + "  COMMENT ON FUNCTION " + signature() + " IS '" + marker() + "';\nEND\n$ashpg$";
  }

  /** The statement removing the function if ashpg installed it and nothing uses it. */
  public String uninstall() {
    return begin()
        + "  IF existing IS NOT NULL AND obj_description(existing, 'pg_proc') = '" + marker() + "'\n"
        + "      AND NOT EXISTS (SELECT 1 FROM pg_depend WHERE refclassid = 'pg_proc'::regclass"
        + " AND refobjid = existing AND deptype = 'n') THEN\n"
        + "    DROP FUNCTION " + signature() + ";\n  END IF;\nEND\n$ashpg$";
  }
}
