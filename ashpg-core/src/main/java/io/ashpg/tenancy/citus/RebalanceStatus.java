package io.ashpg.tenancy.citus;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A rebalance job as {@code citus_rebalance_status()} reports it.
 *
 * @param jobId Citus's background job id
 * @param state the job's state: {@code scheduled}, {@code running}, {@code cancelling}, {@code failing},
 *     {@code finished}, {@code cancelled} or {@code failed}
 * @param description Citus's description of the job
 * @param startedAt when it started, if it did
 * @param finishedAt when it ended, if it did
 * @param tasks the job's tasks (one per move)
 * @param tasksDone those done
 * @param details Citus's details as JSON (task states, running moves with their progress)
 */
public record RebalanceStatus(long jobId, String state, String description, Optional<OffsetDateTime> startedAt,
    Optional<OffsetDateTime> finishedAt, int tasks, int tasksDone, String details) {

  public RebalanceStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** Whether the job has ended, well or not. */
  public boolean ended() {
    return state.equals("finished") || state.equals("cancelled") || state.equals("failed");
  }

  /** Whether the job ended and did every move. */
  public boolean succeeded() {
    return state.equals("finished");
  }

  /** e.g. {@code rebalance job 4 running: 2/5 moves done}. */
  public String describe() {
    return "rebalance job " + jobId + " " + state + ": " + tasksDone + "/" + tasks + " moves done";
  }
}
