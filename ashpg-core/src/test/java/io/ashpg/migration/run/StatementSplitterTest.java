package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsAtTopLevelSemicolons() {
    assertThat(StatementSplitter.split("CREATE TABLE a (x int);\n\nCREATE TABLE b (y int);  \n"))
        .containsExactly("CREATE TABLE a (x int)", "CREATE TABLE b (y int)");
  }

  @Test
  void lastStatementNeedsNoSemicolon() {
    assertThat(StatementSplitter.split("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void semicolonsInSingleQuotesIncludingDoubledQuotes() {
    assertThat(StatementSplitter.split("INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT 2"))
        .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2");
  }

  @Test
  void escapeStringsUnderstandBackslashQuotes() {
    assertThat(StatementSplitter.split("SELECT E'a\\'; b'; SELECT e'\\\\'; SELECT 3"))
        .containsExactly("SELECT E'a\\'; b'", "SELECT e'\\\\'", "SELECT 3");
    // a plain string ending in a backslash is closed by the quote (standard_conforming_strings)
    assertThat(StatementSplitter.split("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    // an identifier ending in e is not an E string prefix
    assertThat(StatementSplitter.split("SELECT some'a\\'; SELECT 2")).hasSize(2);
  }

  @Test
  void semicolonsInQuotedIdentifiers() {
    assertThat(StatementSplitter.split("CREATE TABLE \"a;\"\"b\" (x int); SELECT 1"))
        .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 1");
  }

  @Test
  void dollarQuotes() {
    String fn = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
    String tagged = "DO $body$ BEGIN PERFORM 'x;$$'; END $body$";
    assertThat(StatementSplitter.split(fn + ";\n" + tagged + ";\nSELECT $1::int"))
        .containsExactly(fn, tagged, "SELECT $1::int");
  }

  @Test
  void dollarInsideIdentifierIsNotAQuote() {
    assertThat(StatementSplitter.split("SELECT a$b$ FROM t; SELECT 2")).containsExactly("SELECT a$b$ FROM t",
        "SELECT 2");
  }

  @Test
  void lineAndNestedBlockComments() {
    String sql = "-- first; comment\nSELECT 1; /* outer; /* inner; */ still; */ SELECT 2 -- tail;\n;";
    assertThat(StatementSplitter.split(sql)).containsExactly("-- first; comment\nSELECT 1",
        "/* outer; /* inner; */ still; */ SELECT 2 -- tail;");
  }

  @Test
  void commentOnlyPiecesAreDropped() {
    assertThat(StatementSplitter.split("SELECT 1;\n-- nothing else\n/* really */\n")).containsExactly("SELECT 1");
    assertThat(StatementSplitter.split(" ;; \n")).isEmpty();
  }

  @Test
  void unterminatedConstructsNameTheLine() {
    assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\nSELECT 'oops", 10))
        .isInstanceOf(StatementSplitter.SplitException.class).hasMessageContaining("line 11")
        .hasMessageContaining("unterminated ' string");
    assertThatThrownBy(() -> StatementSplitter.split("/* a /* b */")).hasMessageContaining("block comment");
    assertThatThrownBy(() -> StatementSplitter.split("SELECT $x$ abc")).hasMessageContaining("dollar quote $x$");
    assertThatThrownBy(() -> StatementSplitter.split("SELECT \"abc")).hasMessageContaining("identifier");
  }
}
