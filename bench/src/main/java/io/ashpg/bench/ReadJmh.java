package io.ashpg.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1 as JMH (the project convention for in-process paths; perf-anchors B's JMH settings). Not part of the
 * one-command run, whose alternating harness gives the paired ratios; run it with
 * {@code java -cp bench/target/ashpg-bench.jar org.openjdk.jmh.Main ReadJmh} (add {@code -prof stack} or
 * {@code -prof gc} to see where the time goes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadJmh {
  private ReadFixture fixture;
  private List<UUID> ids;
  private int tick;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    fixture = ReadFixture.create(Integer.getInteger("rows", 100_000));
    ids = fixture.ids;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    fixture.close();
  }

  private long threshold() {
    return ReadFixture.THRESHOLDS[tick++ & 7];
  }

  private UUID id() {
    return ids.get(tick++ % ids.size());
  }

  @Benchmark
  public Object top100Jdbc() throws SQLException {
    return fixture.topJdbc(threshold());
  }

  @Benchmark
  public Object top100Jooq() {
    return fixture.topJooq(threshold());
  }

  @Benchmark
  public Object top100Ashpg() {
    return fixture.topAshpg(threshold());
  }

  @Benchmark
  public Object top100AshpgRows() {
    return fixture.topAshpgRows(threshold());
  }

  @Benchmark
  public Object pkJdbc() throws SQLException {
    return fixture.pkJdbc(id());
  }

  @Benchmark
  public Object pkJooq() {
    return fixture.pkJooq(id());
  }

  @Benchmark
  public Object pkAshpg() {
    return fixture.pkAshpg(id());
  }
}
