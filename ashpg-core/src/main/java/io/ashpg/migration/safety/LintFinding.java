package io.ashpg.migration.safety;

/**
 * One thing the linter found.
 *
 * @param location the file (path or classpath location) it is in
 * @param line     1-based line of the statement (of the file for whole-file rules)
 * @param rule     the rule it breaks
 * @param message  what is wrong here, naming the table and column
 * @param table    the table the step changes, when known (as an identifier, without schema)
 * @param column   the column, when the step is about one
 */
public record LintFinding(String location, int line, LintRule rule, String message, String table, String column) {

  public Severity severity() {
    return rule.severity();
  }

  /** Maven style: {@code <file>:[<line>] ashpg:<rule> (<severity>): <message>. Fix: <fix>}. */
  public String format() {
    return location + ":[" + line + "] " + rule.id() + " (" + rule.severity() + "): " + message + ". Fix: "
        + rule.fix();
  }

  @Override
  public String toString() {
    return format();
  }
}
