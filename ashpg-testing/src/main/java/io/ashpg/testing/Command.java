package io.ashpg.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short external program (pg_config, initdb, pg_ctl) and returns its output. */
final class Command {

  private Command() {
  }

  /**
   * Runs {@code command} with its output and errors together, and returns that output, stripped.
   *
   * @throws IllegalStateException naming the command when it cannot start, fails (with its output), or does not
   *                               finish within {@code timeoutSeconds}
   */
  static String run(List<String> command, int timeoutSeconds) {
    String shown = String.join(" ", command);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      // read before waiting: a full pipe would block the child
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(shown + " did not finish in " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(shown + " failed (exit " + p.exitValue() + "): " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + shown + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + shown, e);
    }
  }
}
