package io.ashpg.sql;

import io.ashpg.resource.Names;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * PostgreSQL identifiers: validation and quoting. Every identifier ashpg puts into SQL goes through
 * {@link #quote(String)}, so names are never interpreted as SQL, whatever they contain.
 *
 * <p>PostgreSQL silently truncates identifiers longer than {@value #MAX_BYTES} bytes, which would make two
 * different names collide and break the constraint-name matching of error mapping; ashpg rejects such
 * names instead.
 */
public final class Identifier {

  /** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes, that is kept as written. */
  public static final int MAX_BYTES = Names.MAX_IDENTIFIER_BYTES;

  private static final Pattern TENANT = Pattern.compile("[a-zA-Z0-9_-]+");

  private Identifier() {
  }

  /** Byte length of {@code name} in UTF-8, as PostgreSQL counts it. */
  public static int byteLength(String name) {
    return Names.byteLength(name);
  }

  /**
   * Checks that {@code name} can be used as an identifier and returns it.
   *
   * @param what what the name is, for the error message (e.g. "table of resource post")
   * @throws IllegalArgumentException when the name is empty, contains a NUL character or is longer than 63 bytes
   */
  public static String validate(String name, String what) {
    Objects.requireNonNull(what, "what");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + ": the identifier is empty; give it a name");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + ": identifier '" + name.replace('\0', '?')
          + "' contains a NUL character, which PostgreSQL does not allow");
    }
    int bytes = byteLength(name);
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(what + ": identifier '" + name + "' is " + bytes
          + " bytes long; PostgreSQL keeps only " + MAX_BYTES + " bytes, so choose a shorter name");
    }
    return name;
  }

  /** Validates and double-quotes {@code name}, doubling embedded double quotes. */
  public static String quote(String name) {
    validate(name, "identifier");
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."name"}, or just {@code "name"} when {@code schema} is null. */
  public static String qualified(String schema, String name) {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /**
   * Checks a tenant (schema) name: letters, digits, {@code _} and {@code -} only, at most 63 bytes — the rule
   * AshPostgres applies, strict enough that a tenant name can never smuggle SQL.
   *
   * @throws IllegalArgumentException naming the tenant and the rule
   */
  public static String validateTenant(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant '" + tenant
          + "' is not a valid tenant name: use only letters, digits, '_' and '-'");
    }
    return validate(tenant, "tenant '" + tenant + "'");
  }
}
