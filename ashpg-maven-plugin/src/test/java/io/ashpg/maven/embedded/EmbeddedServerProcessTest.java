package io.ashpg.maven.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server between builds, each build a JVM of its own: a build killed with kill -9 leaves its PostgreSQL
 * running, and a build that starts while another uses the server must wait for it.
 */
@Tag("db")
class EmbeddedServerProcessTest {

  @TempDir
  Path target;

  private final List<Process> builds = new ArrayList<>();
  private final List<ProcessHandle> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    EmbeddedServer.stopAll();
    builds.forEach(Process::destroyForcibly);
    // a server a failed test left behind must not outlive it
    servers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    try {
      postmaster(target.resolve("ashpg/postgres")).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
    } catch (IOException | RuntimeException e) {
      // nothing left to stop
    }
  }

  @Test
  void aServerLeftRunningByAKilledBuildIsStoppedAndItsDataKept() throws Exception {
    Path data = target.resolve("ashpg/postgres");
    Process killed = build(data, 42);
    awaitReady(killed, 42);
    ProcessHandle orphan = postmaster(data).orElseThrow();
    servers.add(orphan);

    killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(orphan.isAlive()).as("the killed build's PostgreSQL is still running").isTrue();

    List<String> said = new ArrayList<>();
    EmbeddedServer.Started next = EmbeddedServer.startOrReuse(data, EmbeddedServerTest.binariesJar(), said::add);
    assertThat(valuesIn(next.server())).containsExactly(42);
    assertThat(orphan.isAlive()).as("the left-over server was stopped").isFalse();
    // cleanly: a fast shutdown, as pg_ctl stop -m fast does, not a crash the next start has to recover from
    assertThat(Files.readString(target.resolve("ashpg/postgres.log"))).contains("received fast shutdown request");
    assertThat(said).singleElement().asString().contains("(process " + orphan.pid()).contains("is still running")
        .contains("stopping it, its data stays");
  }

  @Test
  void aSecondBuildWaitsForTheFirstThenRuns() throws Exception {
    Path data = target.resolve("ashpg/postgres");
    Process first = build(data, 7);
    awaitReady(first, 7);
    postmaster(data).ifPresent(servers::add);

    List<String> said = new CopyOnWriteArrayList<>();
    Path jar = EmbeddedServerTest.binariesJar();
    CompletableFuture<EmbeddedServer.Started> second = CompletableFuture.supplyAsync(
        () -> EmbeddedServer.startOrReuse(data, jar, said::add));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (said.stream().noneMatch(m -> m.contains("waiting for another ashpg goal using")) && !second.isDone()
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(second).as("the second build waits while the first uses the server").isNotDone();
    assertThat(said).anyMatch(m -> m.contains("waiting for another ashpg goal using " + data));

    try (OutputStream in = first.getOutputStream()) {
      in.write("exit\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    EmbeddedServer.Started started = second.get(120, TimeUnit.SECONDS);
    assertThat(valuesIn(started.server())).containsExactly(7);
  }

  /** A build holding the server of {@code data}, its output in a file next to the data directory. */
  private Process build(Path data, int value) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedServerProcess.class.getName(), data.toString(), EmbeddedServerTest.binariesJar().toString(),
        Integer.toString(value))
        .redirectErrorStream(true).redirectOutput(target.resolve("build-" + value + ".log").toFile()).start();
    builds.add(p);
    return p;
  }

  private void awaitReady(Process build, int value) throws Exception {
    Path log = target.resolve("build-" + value + ".log");
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains(EmbeddedServerProcess.READY)) {
        return;
      }
      assertThat(build.isAlive()).as("build still running; its output:\n%s", out).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the build did not start the server in time:\n" + Files.readString(log));
  }

  /** The PostgreSQL process serving {@code data}, from its postmaster.pid. */
  private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
  }

  private static List<Integer> valuesIn(EmbeddedServer server) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }
}
