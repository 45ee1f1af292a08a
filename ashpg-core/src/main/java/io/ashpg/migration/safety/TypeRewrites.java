package io.ashpg.migration.safety;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column from one type to another rewrites the table. PostgreSQL skips the rewrite when the old
 * type is binary coercible to the new one and no USING changes the value (ALTER TABLE notes); everything else
 * rewrites.
 */
@FunctionalInterface
public interface TypeRewrites {

  /** Whether {@code ALTER COLUMN … TYPE to} on a column of type {@code from} rewrites the table. */
  boolean rewrites(String from, String to);

  /**
   * A conservative rule: no rewrite for the same type, varchar (of any length) to text or to an unlimited or
   * longer varchar, and numeric(p,s) to numeric without modifier or with a larger precision and the same scale;
   * every other change rewrites.
   */
  TypeRewrites CONSERVATIVE = new TypeRewrites() {
    private final Pattern sized = Pattern.compile("(character varying|varchar|numeric|decimal)\\s*(?:\\((\\d+)"
        + "\\s*(?:,\\s*(\\d+))?\\))?");

    @Override
    public boolean rewrites(String from, String to) {
      String f = from.trim().toLowerCase(Locale.ROOT);
      String t = to.trim().toLowerCase(Locale.ROOT);
      if (f.equals(t)) {
        return false;
      }
      Matcher mf = sized.matcher(f);
      Matcher mt = sized.matcher(t);
      boolean fromVarchar = mf.matches() && mf.group(1).contains("var");
      if (fromVarchar && t.equals("text")) {
        return false;
      }
      if (!mf.matches() || !mt.matches() || mf.group(1).contains("var") != mt.group(1).contains("var")) {
        return true;
      }
      if (mt.group(2) == null) {
        return false; // unlimited varchar, unconstrained numeric
      }
      if (mf.group(2) == null || Integer.parseInt(mt.group(2)) < Integer.parseInt(mf.group(2))) {
        return true;
      }
      return fromVarchar ? false : !java.util.Objects.equals(scale(mf), scale(mt));
    }

    private String scale(Matcher m) {
      return m.group(3) == null ? "0" : m.group(3);
    }
  };
}
