package io.ashpg.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares generated text with committed golden files so that a golden change can never pass unnoticed.
 *
 * <p>Any difference, a missing file or (for folders) a file nobody generates any more fails. With
 * {@code update} ({@value #UPDATE_PROPERTY}) the files are rewritten to the generated text as well, so that
 * {@code git diff} shows the change for review — but the run still fails: the build only passes once a run
 * without changes confirms the reviewed files. Regenerating therefore cannot "prove" anything by itself.
 */
final class GoldenFiles {

  /** System property that rewrites the golden files (the test still fails when anything changed). */
  static final String UPDATE_PROPERTY = "ashpg.golden.update";

  private GoldenFiles() {
  }

  /** Whether this run was asked to rewrite the golden files. */
  static boolean updateRequested() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /**
   * Checks one golden file.
   *
   * @param label    what is compared, for the failure message (e.g. the case name)
   * @param expected the committed golden file
   * @param actual   freshly generated text
   * @param update   rewrite {@code expected} with {@code actual} when they differ (still failing)
   * @throws AssertionError when the file is missing or differs from {@code actual}
   */
  static void check(String label, Path expected, String actual, boolean update) {
    compare(expected, actual, update).ifPresent(problem -> {
      throw new AssertionError(message(label, List.of(problem), update));
    });
  }

  /**
   * Checks a golden folder: every generated file (by path relative to {@code dir}) must exist with the same text
   * and the folder must hold no other file.
   *
   * @param label  what is compared, for the failure message
   * @param dir    the committed golden folder
   * @param actual freshly generated files, by relative path with {@code /} separators
   * @param update rewrite changed and missing files and delete files nobody generates (still failing)
   * @throws AssertionError when any file is missing, differs or is left over
   */
  static void checkTree(String label, Path dir, Map<String, String> actual, boolean update) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : actual.entrySet()) {
      compare(dir.resolve(e.getKey()), e.getValue(), update).ifPresent(problems::add);
    }
    for (String stale : read(dir).keySet()) {
      if (!actual.containsKey(stale)) {
        Path file = dir.resolve(stale);
        problems.add(file + ": no longer generated" + (update ? " (deleted)" : ""));
        if (update) {
          delete(file);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(message(label, problems, update));
    }
  }

  /** Every regular file below {@code root}, by relative path with {@code /} separators; empty if it is absent. */
  static Map<String, String> read(Path root) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden folder " + root, e);
    }
    return out;
  }

  /** The problem with {@code file}, if any; rewrites it first when {@code update}. */
  private static Optional<String> compare(Path file, String actual, boolean update) {
    String problem;
    if (!Files.isRegularFile(file)) {
      problem = file + ": missing" + (update ? " (written)" : "");
    } else {
      String expected = readFile(file);
      if (expected.equals(actual)) {
        return Optional.empty();
      }
      problem = file + ": differs" + (update ? " (rewritten)" : "") + ", " + firstDifference(expected, actual);
    }
    if (update) {
      write(file, actual);
    }
    return Optional.of(problem);
  }

  private static String message(String label, List<String> problems, boolean update) {
    StringBuilder sb = new StringBuilder("golden ").append(label).append(": generated output does not match");
    for (String p : problems) {
      sb.append("\n  ").append(p);
    }
    if (update) {
      sb.append("\nThe golden files were rewritten with the generated output. Review the change with `git diff`"
          + " (new files: `git status`), commit it if it is intended, and rerun without -D")
          .append(UPDATE_PROPERTY).append(" — the test passes only when nothing changes.");
    } else {
      sb.append("\nIf the change is intended, rerun with -D").append(UPDATE_PROPERTY)
          .append("=true to rewrite the files, review `git diff`, and rerun without it.");
    }
    return sb.toString();
  }

  /** "line N: expected … / generated …" for the first line that differs. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int n = Math.min(e.length, a.length);
    for (int i = 0; i < n; i++) {
      if (!e[i].equals(a[i])) {
        return "first difference at line " + (i + 1) + ": golden `" + e[i] + "`, generated `" + a[i] + "`";
      }
    }
    return e.length < a.length
        ? "generated text has " + (a.length - e.length) + " more line(s) from line " + (n + 1)
        : "generated text ends at line " + n + ", golden has " + (e.length - a.length) + " more line(s)";
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden file " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write golden file " + file, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete golden file " + file, e);
    }
  }
}
