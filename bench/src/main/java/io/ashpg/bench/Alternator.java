package io.ashpg.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs variants in rounds, every variant once per round, the order rotated each round and reversed in every other
 * cycle of n rounds, so slow drifts of a shared machine hit every variant alike and each variant runs first as often
 * as the others. Each call of a variant returns one sample
 * (its own timing: set-up that must not be timed stays outside the variant's timer).
 */
public final class Alternator {

  /** One sample of a variant, e.g. milliseconds of one run or microseconds per op of one block. */
  @FunctionalInterface
  public interface Sampler {
    double sample() throws Exception;
  }

  /** A named variant. */
  public record Variant(String name, Sampler sampler) {}

  private final PrintStream log;
  private final CpuMeter meter;
  private final Map<String, long[]> cpu = new LinkedHashMap<>();

  public Alternator(PrintStream log) {
    this(log, null);
  }

  /** An alternator that also sums, per variant, client and server CPU time of the measured rounds. */
  Alternator(PrintStream log, CpuMeter meter) {
    this.log = log;
    this.meter = meter;
  }

  /**
   * CPU nanoseconds of {@code variant} over the measured rounds of the last {@link #run}: {client, server, samples}; null
   * without a meter.
   */
  long[] cpu(String variant) {
    return cpu.get(variant);
  }

  /** Samples per variant (in round order, so index i of two variants is the same round). */
  public Map<String, List<Double>> run(String what, List<Variant> variants, int warmup, int rounds)
      throws Exception {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    variants.forEach(v -> samples.put(v.name(), new ArrayList<>()));
    cpu.clear();
    int n = variants.size();
    for (int round = 0; round < warmup + rounds; round++) {
      List<Variant> order = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        order.add(variants.get((i + round) % n));
      }
      // reversed every other cycle of n rounds: reversing every other round would undo the rotation when n = 2
      // (a, b then b, a reversed = a, b), so the same variant would always run first
      if ((round / n) % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      StringBuilder line = new StringBuilder();
      for (Variant v : order) {
        long client = meter == null ? 0 : meter.client();
        long server = meter == null ? 0 : meter.server();
        double s = v.sampler().sample();
        if (round >= warmup) {
          samples.get(v.name()).add(s);
          if (meter != null) {
            long[] sum = cpu.computeIfAbsent(v.name(), k -> new long[3]);
            sum[0] += meter.client() - client;
            sum[1] += meter.server() - server;
            sum[2]++;
          }
        }
        line.append(String.format(Locale.ROOT, " %s=%s", v.name(), Stats.num(s)));
      }
      log.printf(Locale.ROOT, "  [%s] %s %d/%d:%s%n", what, round < warmup ? "warm-up" : "round",
          round < warmup ? round + 1 : round - warmup + 1, round < warmup ? warmup : rounds, line);
    }
    return samples;
  }
}
