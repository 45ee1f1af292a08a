package io.ashpg.migration.safety;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationFile;
import io.ashpg.migration.run.StatementSplitter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints migration files, generated and hand-written, for steps that take production down: long locks, scans and
 * rewrites under them, renames and drops that break the code still running, CONCURRENTLY in a transaction. Each file's
 * up section is read statement by statement ({@link StatementSplitter}); the down section is not linted.
 *
 * <p>What the linter knows across the files it is given, in the order given (by version): a {@code CHECK (col IS NOT
 * NULL)} validated in an earlier file (or earlier in the same one) makes a later {@code SET NOT NULL} safe. Within a
 * file: steps on a table the file creates are not reported (it is empty), and a file marked
 * {@code -- ashpg:no-transaction} may build indexes CONCURRENTLY.
 *
 * <p>Suppression: a comment line {@code -- ashpg:lint-ignore <rule>[, <rule>…]} among the comments right above a
 * statement (or inside it) switches those rules off for that statement; before {@code -- ashpg:up} it switches them off
 * for the whole file. Rules are named with or without the {@code ashpg:} prefix; an unknown name is an error.
 */
public final class MigrationLinter {

  /** The suppression comment, as a line. */
  public static final String IGNORE = "ashpg:lint-ignore";

  private static final Pattern IGNORE_LINE = Pattern.compile("^\\s*--\\s*ashpg:lint-ignore\\b(.*)$",
      Pattern.MULTILINE);
  private static final Pattern LOCK_TIMEOUT_LINE = Pattern.compile("--\\s*ashpg:\\s*lock-timeout\\s+(\\S+)\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UP = Pattern.compile("^\\s*--\\s*ashpg:\\s*up\\s*$", Pattern.CASE_INSENSITIVE);

  /** A file to lint: where it is (for messages; its name must be {@code <version>_<name>.sql}) and its text. */
  public record Source(String location, String fileName, String content) {
  }

  private final LintOptions options;

  public MigrationLinter(LintOptions options) {
    this.options = options;
  }

  /**
   * Lints {@code files} in the order given (sort them by version).
   *
   * @throws MigrationException when a file is not a valid migration (as the migrator would reject it) or an ignore
   *     comment names no known rule
   */
  public List<LintFinding> lint(List<Source> files) {
    Proofs proofs = new Proofs();
    List<LintFinding> out = new ArrayList<>();
    for (Source f : files) {
      out.addAll(lintFile(f, proofs));
    }
    return out;
  }

  /** Lints one file on its own. */
  public List<LintFinding> lint(Source file) {
    return lint(List.of(file));
  }

  /**
   * Findings for SQL statements outside a migration file (a custom statement of a resource), as if they ran in a
   * transactional migration at {@code location}; line numbers count from the statement text's first line.
   */
  public List<LintFinding> lintStatements(String location, String sql) {
    FileState file = new FileState(location, true, Set.of(), options);
    Proofs proofs = new Proofs();
    for (StatementSplitter.Piece piece : StatementSplitter.pieces(sql, 1)) {
      statement(file, piece, proofs);
    }
    return file.findings;
  }

  private List<LintFinding> lintFile(Source f, Proofs proofs) {
    MigrationFile parsed = MigrationFile.parse(f.fileName(), f.location(), f.content());
    String[] lines = f.content().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int up = 0;
    while (up < lines.length && !UP.matcher(lines[up]).matches()) {
      up++;
    }
    int down = up + 1;
    while (down < lines.length && !lines[down].trim().toLowerCase(Locale.ROOT).matches("--\\s*ashpg:\\s*down")) {
      down++;
    }
    Set<LintRule> fileIgnores = ignored(f.location(), String.join("\n", java.util.Arrays.asList(lines).subList(0, up)),
        1);
    FileState file = new FileState(f.location(), parsed.transactional(), fileIgnores, options);
    file.lockTimeout = headerLockTimeout(java.util.Arrays.asList(lines).subList(0, up));
    String upSection = String.join("\n", java.util.Arrays.asList(lines).subList(up + 1, Math.min(down,
        lines.length)));
    for (StatementSplitter.Piece piece : StatementSplitter.pieces(upSection, up + 2)) {
      statement(file, piece, proofs);
    }
    return file.findings;
  }

  private void statement(FileState file, StatementSplitter.Piece piece, Proofs proofs) {
    Set<LintRule> ignores = EnumSet.noneOf(LintRule.class);
    ignores.addAll(file.ignores);
    ignores.addAll(ignored(file.location, piece.text(), piece.line() - leadingLines(piece.text())));
    String sql = piece.text();
    Boolean sets = SqlSteps.setsLockTimeout(sql);
    if (sets != null) {
      file.lockTimeout = sets;
    }
    if (file.transactional && SqlSteps.needsNoTransaction(sql)) {
      file.report(piece.line(), LintRule.CONCURRENT_IN_TRANSACTION, "this file runs in a transaction (it has no"
          + " -- ashpg:no-transaction line), where PostgreSQL refuses " + firstWords(sql), ignores, null);
    }
    for (SqlStep step : SqlSteps.of(sql)) {
      judge(file, piece.line(), step, proofs, ignores);
    }
  }

  private void judge(FileState file, int line, SqlStep step, Proofs proofs, Set<LintRule> ignores) {
    StepKind kind = step.kind();
    String table = step.table();
    switch (kind) {
      case CREATE_TABLE, CREATE_TABLE_REFERENCING -> file.created.add(table);
      case ADD_CHECK, ADD_CHECK_NOT_VALID, ADD_NOT_NULL_NOT_VALID -> {
        if (step.column() != null && step.constraint() != null) {
          proofs.pending.put(step.constraint(), table + "." + step.column());
        }
        if (kind == StepKind.ADD_CHECK && step.column() != null) {
          proofs.proven.add(table + "." + step.column());
        }
      }
      case VALIDATE_CHECK -> {
        String column = proofs.pending.get(step.constraint());
        if (column != null) {
          proofs.proven.add(column);
        }
      }
      case DROP_CONSTRAINT -> {
        String column = proofs.pending.remove(step.constraint());
        if (column != null) {
          proofs.proven.remove(column);
        }
      }
      default -> { }
    }
    if (table != null && file.created.contains(table) && kind != StepKind.CREATE_TABLE
        && kind != StepKind.CREATE_TABLE_REFERENCING) {
      return; // the file created the table: it is empty and nobody else sees it yet
    }
    LockProfile profile = kind.profile();
    boolean unlimited = file.lockTimeout == null ? !options.migratorLockTimeout() : !file.lockTimeout;
    if (unlimited && !file.lockTimeoutReported && profile.lock() == LockMode.ACCESS_EXCLUSIVE
        && table != null && !file.created.contains(table)) {
      file.lockTimeoutReported = file.report(line, LintRule.MISSING_LOCK_TIMEOUT, subject(step) + " "
          + profile.describe() + ", and nothing limits how long it waits for that lock"
          + (Boolean.FALSE.equals(file.lockTimeout) ? " (the file switches lock_timeout off)" : ""), ignores, step);
    }
    if (kind == StepKind.SET_NOT_NULL && proofs.proven.contains(table + "." + step.column())) {
      return; // a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the scan
    }
    LintRule rule = LintRule.forStep(kind).orElse(null);
    if (rule == null) {
      return;
    }
    String message = subject(step) + ": " + rule.problem();
    if (kind == StepKind.ALTER_COLUMN_TYPE) {
      message = subject(step) + ": " + ("USING".equals(step.note())
          ? "TYPE … USING rewrites the table and its indexes while reads and writes wait"
          : "TYPE probably rewrites the table and its indexes while reads and writes wait (the linter does not know"
              + " the old type: varchar(n) to text or to a longer varchar would not)");
    } else if (kind == StepKind.ADD_COLUMN_VOLATILE_DEFAULT && step.note() != null) {
      message += " (" + step.note() + ")";
    }
    file.report(line, rule, message + " — it " + profile.describe(), ignores, step);
  }

  /**
   * The file's own {@code -- ashpg:lock-timeout <time>} line (read by the migrator, see safe-mode.md): TRUE for a
   * limit, FALSE for {@code 0}, null when there is none.
   */
  private static Boolean headerLockTimeout(List<String> header) {
    for (String line : header) {
      Matcher m = LOCK_TIMEOUT_LINE.matcher(line.trim());
      if (m.matches()) {
        return !SqlSteps.isZero(m.group(1));
      }
    }
    return null;
  }

  /** Line breaks in the comments and blanks before a statement's first code (its piece starts with them). */
  private static int leadingLines(String text) {
    int i = 0;
    int lines = 0;
    while (i < text.length()) {
      if (text.startsWith("--", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? text.length() : end + 2;
        lines += (int) text.substring(i, stop).chars().filter(c -> c == '\n').count();
        i = stop;
      } else if (Character.isWhitespace(text.charAt(i))) {
        lines += text.charAt(i) == '\n' ? 1 : 0;
        i++;
      } else {
        break;
      }
    }
    return lines;
  }

  /** "ALTER TABLE posts, column title" and the like. */
  private static String subject(SqlStep step) {
    StringBuilder sb = new StringBuilder(step.kind().label());
    if (step.table() != null) {
      sb.append(" on ").append(step.table());
    }
    if (step.column() != null) {
      sb.append(", column ").append(step.column());
    }
    if (step.table() == null && step.constraint() != null) {
      sb.append(' ').append(step.constraint());
    }
    return sb.toString();
  }

  private static String firstWords(String sql) {
    String flat = SqlTokens.of(sql).text(0, 4);
    return flat.isEmpty() ? "this statement" : flat + " …";
  }

  /** The rules named by ignore comments in {@code text}. */
  static Set<LintRule> ignored(String location, String text, int firstLine) {
    Set<LintRule> out = EnumSet.noneOf(LintRule.class);
    Matcher m = IGNORE_LINE.matcher(text);
    while (m.find()) {
      String names = m.group(1).trim();
      int line = firstLine + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
      if (names.isEmpty()) {
        throw new MigrationException("migration file " + location + " line " + line + ": '-- " + IGNORE
            + "' names no rule; write the rule ids to ignore after it, e.g. -- " + IGNORE + " drop-column");
      }
      for (String name : names.split("[,\\s]+")) {
        out.add(LintRule.named(name).orElseThrow(() -> new MigrationException("migration file " + location
            + " line " + line + ": '-- " + IGNORE + "' names unknown rule '" + name + "'; known rules: "
            + LintRule.names())));
      }
    }
    return out;
  }

  /** Columns proven not null by validated checks, across files. */
  private static final class Proofs {
    /** Constraint name to "table.column" of a not-null check not validated yet (or validated: also in proven). */
    final Map<String, String> pending = new HashMap<>();
    final Set<String> proven = new HashSet<>();
  }

  /** What the linter knows about the file it is in. */
  private static final class FileState {
    final LintOptions options;
    final String location;
    final boolean transactional;
    final Set<LintRule> ignores;
    final Set<String> created = new HashSet<>();
    final List<LintFinding> findings = new ArrayList<>();
    /** TRUE: the file limits lock waits; FALSE: it switched the limit off; null: the migrator's applies. */
    Boolean lockTimeout;
    boolean lockTimeoutReported;

    FileState(String location, boolean transactional, Set<LintRule> ignores, LintOptions options) {
      this.options = options;
      this.location = location;
      this.transactional = transactional;
      this.ignores = ignores;
    }

    /** Adds a finding unless switched off; whether it was added. */
    boolean report(int line, LintRule rule, String message, Set<LintRule> ignores, SqlStep step) {
      if (ignores.contains(rule) || !options.enabled(rule)) {
        return false;
      }
      findings.add(new LintFinding(location, line, rule, message, step == null ? null : step.table(),
          step == null ? null : step.column()));
      return true;
    }
  }
}
