package io.ashpg.migration.safety;

import io.ashpg.migration.safety.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the DDL steps of one SQL statement: CREATE/DROP TABLE, CREATE/DROP INDEX, ALTER INDEX … RENAME, every ALTER
 * TABLE subcommand ashpg generates or the rules are about, and Citus placement calls. Anything else (DML, DO blocks,
 * functions) gives no step: the linter only judges what it recognises.
 */
public final class SqlSteps {

  /** Column types whose ADD COLUMN fills every existing row from a sequence (a rewrite). */
  private static final Set<String> SERIALS = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8",
      "SERIAL2");
  /** Words ending a column default expression in a column definition. */
  private static final Set<String> AFTER_DEFAULT = Set.of("NOT", "NULL", "CONSTRAINT", "CHECK", "REFERENCES",
      "PRIMARY", "UNIQUE", "GENERATED", "COLLATE");

  private SqlSteps() {
  }

  /** The steps of {@code statement}, in order; empty when it is nothing the rules know. */
  public static List<SqlStep> of(String statement) {
    SqlTokens t = SqlTokens.of(statement);
    List<SqlStep> out = new ArrayList<>();
    if (t.accept("CREATE")) {
      t.accept("UNIQUE");
      if (t.accept("INDEX")) {
        boolean concurrently = t.accept("CONCURRENTLY");
        int on = t.findTopLevel("ON");
        SqlTokens rest = t.slice(on, t.size());
        rest.accept("ON");
        rest.accept("ONLY");
        out.add(new SqlStep(concurrently ? StepKind.CREATE_INDEX_CONCURRENTLY : StepKind.CREATE_INDEX, rest.name(),
            null, null, null));
      } else if (t.accept("TABLE") || t.accept("UNLOGGED", "TABLE")) {
        t.accept("IF", "NOT", "EXISTS");
        String table = t.name();
        out.add(SqlStep.of(t.contains("REFERENCES") ? StepKind.CREATE_TABLE_REFERENCING : StepKind.CREATE_TABLE,
            table));
      } else if (t.accept("SEQUENCE")) {
        out.add(SqlStep.of(StepKind.SEQUENCE, null));
      }
    } else if (t.accept("DROP", "INDEX")) {
      boolean concurrently = t.accept("CONCURRENTLY");
      t.accept("IF", "EXISTS");
      out.add(new SqlStep(concurrently ? StepKind.DROP_INDEX_CONCURRENTLY : StepKind.DROP_INDEX, null, null,
          t.name(), null));
    } else if (t.accept("DROP", "TABLE")) {
      t.accept("IF", "EXISTS");
      for (SqlTokens name : t.splitAtCommas()) {
        out.add(SqlStep.of(StepKind.DROP_TABLE, name.name()));
      }
    } else if (t.accept("ALTER", "INDEX")) {
      t.accept("IF", "EXISTS");
      String index = t.name();
      if (t.accept("RENAME", "TO")) {
        out.add(new SqlStep(StepKind.RENAME_INDEX, null, null, index, null));
      }
    } else if (t.accept("ALTER", "TABLE")) {
      t.accept("IF", "EXISTS");
      t.accept("ONLY");
      String table = t.name();
      for (SqlTokens sub : t.splitAtCommas()) {
        alterTable(table, sub, out);
      }
    } else if (t.accept("DROP", "SEQUENCE")) {
      out.add(SqlStep.of(StepKind.SEQUENCE, null));
    } else if (t.accept("SELECT", "SETVAL")) {
      int from = t.findTopLevel("FROM");
      if (from < t.size()) {
        SqlTokens rest = t.slice(from + 1, t.size());
        out.add(SqlStep.of(StepKind.SEQUENCE_PAST_MAX, rest.name()));
      }
    } else if (t.accept("SELECT")) {
      Token f = t.next();
      if (f != null && f.type() == SqlTokens.Type.WORD && Set.of("CREATE_DISTRIBUTED_TABLE", "CREATE_REFERENCE_TABLE",
          "UNDISTRIBUTE_TABLE", "ALTER_DISTRIBUTED_TABLE").contains(f.text())) {
        out.add(SqlStep.of(StepKind.CITUS_PLACEMENT, null));
      }
    }
    return out;
  }

  /**
   * What {@code statement} does to {@code lock_timeout}: {@code SET [LOCAL|SESSION] lock_timeout …} gives TRUE for a
   * limit, FALSE for {@code 0} or {@code DEFAULT} (waiting forever); null when it does not set it.
   */
  public static Boolean setsLockTimeout(String statement) {
    SqlTokens t = SqlTokens.of(statement);
    if (!(t.accept("SET", "LOCK_TIMEOUT") || t.accept("SET", "LOCAL", "LOCK_TIMEOUT")
        || t.accept("SET", "SESSION", "LOCK_TIMEOUT"))) {
      return null;
    }
    if (!t.accept("TO") && !(t.peek() != null && t.next().isSymbol("="))) {
      return null;
    }
    Token value = t.next();
    return value != null && !value.isWord("DEFAULT") && !isZero(value.text());
  }

  /** Whether a lock_timeout value ({@code 0}, {@code '0'}, {@code '0ms'}) means no limit. */
  public static boolean isZero(String value) {
    return value.trim().matches("0+(\\.0*)?\\s*(ms|s|min|h|d)?");
  }

  /** Whether {@code statement} must run outside a transaction block (a CONCURRENTLY index build, drop or reindex). */
  public static boolean needsNoTransaction(String statement) {
    SqlTokens t = SqlTokens.of(statement);
    if (t.accept("CREATE")) {
      t.accept("UNIQUE");
      return t.accept("INDEX", "CONCURRENTLY");
    }
    return t.accept("DROP", "INDEX", "CONCURRENTLY") || t.accept("REINDEX") && t.contains("CONCURRENTLY");
  }

  private static void alterTable(String table, SqlTokens s, List<SqlStep> out) {
    if (s.accept("RENAME", "TO")) {
      out.add(SqlStep.of(StepKind.RENAME_TABLE, table));
    } else if (s.accept("RENAME", "CONSTRAINT")) {
      return; // a constraint's name is not used by running code
    } else if (s.accept("RENAME")) {
      s.accept("COLUMN");
      out.add(new SqlStep(StepKind.RENAME_COLUMN, table, s.name(), null, null));
    } else if (s.accept("SET", "SCHEMA")) {
      out.add(SqlStep.of(StepKind.SET_SCHEMA, table));
    } else if (s.accept("VALIDATE", "CONSTRAINT")) {
      out.add(new SqlStep(StepKind.VALIDATE_CHECK, table, null, s.name(), null));
    } else if (s.accept("ALTER", "CONSTRAINT")) {
      out.add(new SqlStep(StepKind.ALTER_CONSTRAINT, table, null, s.name(), null));
    } else if (s.accept("DROP", "CONSTRAINT")) {
      s.accept("IF", "EXISTS");
      String name = s.name();
      // a foreign key's name ends in _fkey by PostgreSQL's and ashpg's convention; the text shows nothing else
      boolean foreignKey = name != null && name.endsWith("_fkey");
      out.add(new SqlStep(foreignKey ? StepKind.DROP_FOREIGN_KEY : StepKind.DROP_CONSTRAINT, table, null, name, null));
    } else if (s.accept("DROP")) {
      s.accept("COLUMN");
      s.accept("IF", "EXISTS");
      out.add(new SqlStep(StepKind.DROP_COLUMN, table, s.name(), null, null));
    } else if (s.accept("ADD")) {
      addSomething(table, s, out);
    } else if (s.accept("ALTER")) {
      s.accept("COLUMN");
      String column = s.name();
      if (s.accept("TYPE") || s.accept("SET", "DATA", "TYPE")) {
        boolean using = s.contains("USING");
        out.add(new SqlStep(StepKind.ALTER_COLUMN_TYPE, table, column, null, using ? "USING" : null));
      } else if (s.accept("SET", "NOT", "NULL")) {
        out.add(new SqlStep(StepKind.SET_NOT_NULL, table, column, null, null));
      } else if (s.accept("DROP", "NOT", "NULL")) {
        out.add(new SqlStep(StepKind.DROP_NOT_NULL, table, column, null, null));
      } else if (s.accept("SET", "DEFAULT") || s.accept("DROP", "DEFAULT")) {
        out.add(new SqlStep(StepKind.CHANGE_DEFAULT, table, column, null, null));
      } else if (s.accept("ADD", "GENERATED") || s.accept("DROP", "IDENTITY")) {
        out.add(new SqlStep(StepKind.CHANGE_IDENTITY, table, column, null, null));
      }
    }
  }

  /** ADD COLUMN … or ADD [CONSTRAINT name] FOREIGN KEY / CHECK / PRIMARY KEY / UNIQUE / NOT NULL …. */
  private static void addSomething(String table, SqlTokens s, List<SqlStep> out) {
    String constraint = null;
    if (s.accept("CONSTRAINT")) {
      constraint = s.name();
    }
    boolean notValid = s.contains("NOT", "VALID");
    if (s.accept("FOREIGN", "KEY")) {
      out.add(new SqlStep(notValid ? StepKind.ADD_FOREIGN_KEY_NOT_VALID : StepKind.ADD_FOREIGN_KEY, table, null,
          constraint, null));
    } else if (s.accept("CHECK")) {
      out.add(new SqlStep(notValid ? StepKind.ADD_CHECK_NOT_VALID : StepKind.ADD_CHECK, table, notNullColumn(s),
          constraint, null));
    } else if (s.accept("PRIMARY", "KEY") || s.accept("UNIQUE") || s.accept("EXCLUDE")) {
      out.add(new SqlStep(s.contains("USING", "INDEX") ? StepKind.ADD_CONSTRAINT_USING_INDEX : StepKind.ADD_PRIMARY_KEY,
          table, null, constraint, null));
    } else if (s.accept("NOT", "NULL")) {
      out.add(new SqlStep(notValid ? StepKind.ADD_NOT_NULL_NOT_VALID : StepKind.SET_NOT_NULL, table, s.name(),
          constraint, null));
    } else if (constraint == null) {
      s.accept("COLUMN");
      s.accept("IF", "NOT", "EXISTS");
      addColumn(table, s, out);
    }
  }

  private static void addColumn(String table, SqlTokens s, List<SqlStep> out) {
    String column = s.name();
    Token type = s.peek();
    boolean rewrite = type != null && type.type() == SqlTokens.Type.WORD && SERIALS.contains(type.text());
    String note = rewrite ? "a " + type.text().toLowerCase(java.util.Locale.ROOT) + " column" : null;
    int defaultAt = s.findTopLevel("DEFAULT");
    if (defaultAt < s.size()) {
      int end = defaultAt + 1;
      SqlTokens rest = s.slice(defaultAt + 1, s.size());
      while (!rest.atEnd() && !(rest.peek().type() == SqlTokens.Type.WORD
          && AFTER_DEFAULT.contains(rest.peek().text()))) {
        skipGroup(rest);
        end = defaultAt + 1 + rest.position();
      }
      String expression = s.text(defaultAt + 1, end);
      if (DefaultVolatility.isVolatile(expression)) {
        rewrite = true;
        note = "DEFAULT " + expression;
      }
    }
    if (s.contains("GENERATED") && (s.contains("IDENTITY") || s.contains("STORED"))) {
      rewrite = true;
      note = s.contains("IDENTITY") ? "an identity column" : "a stored generated column";
    }
    out.add(new SqlStep(rewrite ? StepKind.ADD_COLUMN_VOLATILE_DEFAULT : StepKind.ADD_COLUMN, table, column, null,
        note));
    if (s.contains("REFERENCES")) {
      out.add(new SqlStep(StepKind.ADD_FOREIGN_KEY, table, column, null, null));
    }
    if (s.contains("CHECK")) {
      out.add(new SqlStep(StepKind.ADD_CHECK, table, column, null, null));
    }
    if (s.contains("PRIMARY", "KEY") || s.contains("UNIQUE")) {
      out.add(new SqlStep(StepKind.ADD_PRIMARY_KEY, table, column, null, null));
    }
  }

  /** Moves past one token, or a whole parenthesised group. */
  private static void skipGroup(SqlTokens s) {
    int depth = 0;
    do {
      Token t = s.next();
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
    } while (depth > 0 && !s.atEnd());
  }

  /** For {@code CHECK (col IS NOT NULL)}: the column; otherwise null. */
  private static String notNullColumn(SqlTokens s) {
    if (!s.peek().isSymbol("(")) {
      return null;
    }
    s.next();
    String column = s.name();
    return column != null && s.accept("IS", "NOT", "NULL") && s.peek() != null && s.peek().isSymbol(")") ? column
        : null;
  }
}
