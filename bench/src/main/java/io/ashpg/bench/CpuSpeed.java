package io.ashpg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time a fixed piece of work takes on this thread, in milliseconds. On a shared virtual machine the same
 * work can cost a different amount of CPU time from minute to minute (another guest on the core's sibling thread, a
 * busy host); taken next to a round, it tells whether that round's server-CPU figure moved because of the run or
 * because of the machine.
 */
final class CpuSpeed {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int[] STATE = new int[1 << 16]; // 256 KiB: misses L1/L2 like the server's work does
  private static volatile long sink;

  private CpuSpeed() {}

  /** CPU milliseconds of the fixed work (about 50 ms on the project's machine), the median of three tries. */
  static double millis() {
    double[] tries = new double[3];
    for (int t = 0; t < tries.length; t++) {
      long start = THREADS.getCurrentThreadCpuTime();
      long x = 0x9E3779B97F4A7C15L;
      for (int i = 0; i < 5_000_000; i++) {
        // xorshift steps with dependent loads: neither vectorisable nor removable by the JIT
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        int slot = (int) (x & (STATE.length - 1));
        STATE[slot] += (int) x;
        x += STATE[(slot * 31) & (STATE.length - 1)];
      }
      sink = x;
      tries[t] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }
    java.util.Arrays.sort(tries);
    return tries[1];
  }
}
