package io.ashpg.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the known names closest to a misspelled one. */
final class Suggestions {

  private Suggestions() {
  }

  /**
   * The candidates closest to {@code typed} by edit distance (insertions, deletions, substitutions and swaps of
   * neighbours; case ignored), in the candidates' order; empty when none is close enough to be a plausible typo:
   * at most one edit per three characters, and at most three.
   */
  static List<String> closest(String typed, Collection<String> candidates) {
    int limit = Math.max(1, Math.min(3, typed.length() / 3));
    int best = Integer.MAX_VALUE;
    List<String> out = new ArrayList<>();
    for (String candidate : candidates) {
      int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d > limit || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        out.clear();
      }
      out.add(candidate);
    }
    return out;
  }

  /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring characters ("stpe"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
