package io.ashpg.bench;

import java.util.ArrayList;
import java.util.List;

/** The result table: one row per measured variant or derived figure, written as Markdown. */
public final class Report {

  /**
   * One row.
   *
   * @param benchmark the benchmark (e.g. "1a read: filter+sort+limit 100")
   * @param variant   what ran
   * @param value     median [min–max] with its unit
   * @param ratio     the paired ratio to the baseline (median [min–max]), or "–"
   * @param target    the target, or ""
   * @param verdict   "met", "missed", "baseline", "info" or "not measured"
   */
  public record Line(String benchmark, String variant, String value, String ratio, String target, String verdict) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public synchronized void add(Line line) {
    lines.add(line);
  }

  public synchronized void add(String benchmark, String variant, String value, String ratio, String target,
      String verdict) {
    add(new Line(benchmark, variant, value, ratio, target, verdict));
  }

  public synchronized void note(String note) {
    notes.add(note);
  }

  public synchronized List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The Markdown table (and notes below it). */
  public synchronized String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | variant | median [min–max] | paired ratio to baseline, median [min–max] | target | verdict |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Line l : lines) {
      sb.append("| ").append(cell(l.benchmark())).append(" | ").append(cell(l.variant())).append(" | ")
          .append(cell(l.value())).append(" | ").append(cell(l.ratio())).append(" | ").append(cell(l.target()))
          .append(" | ").append(cell(l.verdict())).append(" |\n");
    }
    if (!notes.isEmpty()) {
      sb.append('\n');
      for (String n : notes) {
        sb.append("* ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  /** "met" when {@code ok}, else "missed". */
  public static String verdict(boolean ok) {
    return ok ? "met" : "**missed**";
  }

  /**
   * An info line with the CPU time (benchmark thread + its PostgreSQL backend) per operation of {@code variant}
   * against {@code baseline} over the measured rounds: unlike wall time, it does not grow while other work holds the
   * machine's cores. {@code opsPerSample} is how many operations one sample covers (1: values in ms, else µs).
   */
  static void cpu(Report report, String what, Alternator alternator, String variant, String baseline,
                  int opsPerSample) {
    long[] v = alternator.cpu(variant);
    long[] b = alternator.cpu(baseline);
    if (v == null || b == null || v[2] == 0 || b[2] == 0) {
      return;
    }
    double unit = opsPerSample > 1 ? 1e3 : 1e6;
    double vOps = (double) v[2] * opsPerSample;
    double bOps = (double) b[2] * opsPerSample;
    String value = "client " + Stats.num(v[0] / unit / vOps) + " + server " + Stats.num(v[1] / unit / vOps)
        + " vs " + Stats.num(b[0] / unit / bOps) + " + " + Stats.num(b[1] / unit / bOps)
        + (opsPerSample > 1 ? " µs/op" : " ms");
    double ratio = ((v[0] + v[1]) / vOps) / ((b[0] + b[1]) / bOps);
    report.add(what, "CPU (this thread + its backend) of " + variant + " vs " + baseline + ", all measured rounds",
        value, Stats.ratio(ratio), "", "info");
  }
}
