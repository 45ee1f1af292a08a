package io.ashpg.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates SQL text and bind values. Trusted text (keywords, operators) goes in with {@link #append(String)},
 * names with {@link #identifier(String)} (validated and quoted), hand-written SQL with {@link #appendRaw(String)},
 * and every value with {@link #bind(Object)} — there is no way to put a value into the text.
 */
public final class SqlBuilder {
  private final StringBuilder text;
  private final List<Object> binds = new ArrayList<>();

  /** An empty builder. */
  public SqlBuilder() {
    this.text = new StringBuilder(256);
  }

  /** Appends trusted SQL text (keywords, punctuation); never pass user data here. */
  public SqlBuilder append(String sql) {
    text.append(sql);
    return this;
  }

  /** Appends a character of trusted SQL text. */
  public SqlBuilder append(char c) {
    text.append(c);
    return this;
  }

  /**
   * Appends hand-written SQL that has no parameters of its own (e.g. {@code baseFilterSql}), escaping literal
   * question marks for pgjdbc.
   */
  public SqlBuilder appendRaw(String sql, String what) {
    text.append(RawSql.escapeLiteral(sql, what));
    return this;
  }

  /** Appends a validated, double-quoted identifier. */
  public SqlBuilder identifier(String name) {
    text.append(Identifier.quote(name));
    return this;
  }

  /** Appends {@code "schema"."name"}. */
  public SqlBuilder qualified(String schema, String name) {
    text.append(Identifier.qualified(schema, name));
    return this;
  }

  /** Appends a {@code ?} placeholder bound to {@code jdbcValue}. */
  public SqlBuilder bind(Object jdbcValue) {
    text.append('?');
    binds.add(jdbcValue);
    return this;
  }

  /** Appends {@code ?::castType} bound to {@code jdbcValue}; {@code castType} must be a validated type name. */
  public SqlBuilder bind(Object jdbcValue, String castType) {
    bind(jdbcValue);
    if (castType != null) {
      text.append("::").append(castType);
    }
    return this;
  }

  /** Number of binds so far. */
  public int bindCount() {
    return binds.size();
  }

  /** The text so far (for tests and debugging). */
  public String text() {
    return text.toString();
  }

  /** The statement. */
  public Sql build() {
    return new Sql(text.toString(), binds);
  }
}
