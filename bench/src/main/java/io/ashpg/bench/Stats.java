package io.ashpg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median, min, max and paired ratios of samples taken in alternating rounds. */
public final class Stats {
  private Stats() {}

  /** Median [min, max] of {@code samples}. */
  public record Summary(double median, double min, double max) {
    /** {@code "12.3 [10.1–15.0]"} with a precision suited to the size of the numbers. */
    public String format() {
      return num(median) + " [" + num(min) + "–" + num(max) + "]";
    }
  }

  public static Summary summary(List<Double> samples) {
    if (samples.isEmpty()) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return new Summary(median(sorted), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /**
   * The paired ratio: the per-round ratios {@code a[i] / b[i]} (same round, so the same machine noise), summarised.
   * Its median is the figure reported.
   */
  public static Summary paired(List<Double> a, List<Double> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("unpaired samples: " + a.size() + " vs " + b.size());
    }
    List<Double> ratios = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    return summary(ratios);
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** A number with three significant digits (at least one decimal below 100, none from 1000 on). */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v);
  }

  /** A ratio with two decimals, e.g. {@code 1.07×}. */
  public static String ratio(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f×", v);
  }
}
