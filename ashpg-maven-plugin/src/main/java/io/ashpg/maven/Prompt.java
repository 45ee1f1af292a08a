package io.ashpg.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/** Questions to the user on the terminal, asked only when Maven runs interactively. */
final class Prompt {

  private Prompt() {
  }

  private static InputStream readerSource;
  private static BufferedReader reader;

  /**
   * One reader per standard input, kept between questions: a reader buffers ahead, so a fresh one per question would
   * swallow the answers to the next ones when input is piped. Never closed: that would close System.in for the
   * rest of the build.
   */
  private static synchronized BufferedReader reader() {
    if (reader == null || readerSource != System.in) {
      readerSource = System.in;
      reader = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    }
    return reader;
  }

  /** Asks a question and returns the trimmed answer, or null at end of input. */
  static String ask(String question) {
    PrintStream out = System.out;
    out.print(question);
    out.flush();
    try {
      String line = reader().readLine();
      return line == null ? null : line.trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** Yes/no; anything but y/yes is no. */
  static boolean confirm(String question) {
    String answer = ask(question + " [y/N] ");
    return answer != null && (answer.toLowerCase(Locale.ROOT).equals("y") || answer.equalsIgnoreCase("yes"));
  }

  static boolean confirmDrop(String database) {
    return confirm("Drop database " + database + "? All its data is lost.");
  }
}
