package io.ashpg.tenancy.citus;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CitusTenants#distributeSchemas} did to one tenant schema.
 *
 * @param tenant the schema
 * @param outcome distributed now, distributed already, or failed
 * @param node where its tables live afterwards, when known
 * @param message why it failed (Citus's message and advice); empty otherwise
 * @param sqlState the server's SQLSTATE of a failure, if it came from the server
 */
public record TenantDistribution(String tenant, Outcome outcome, Optional<CitusNode> node, Optional<String> message,
    Optional<String> sqlState) {

  /** The outcome for one schema. */
  public enum Outcome {
    /** {@code citus_schema_distribute} ran: the schema and its tables are distributed now. */
    DISTRIBUTED,
    /** The schema was a distributed schema already; nothing ran. */
    ALREADY_DISTRIBUTED,
    /** Nothing changed in this schema (the failing distribution was rolled back); see the message. */
    FAILED
  }

  public TenantDistribution {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sqlState, "sqlState");
  }

  /** Whether this schema failed. */
  public boolean failed() {
    return outcome == Outcome.FAILED;
  }

  /** e.g. {@code org_7: failed [0A000]: referenced table "users" must be …}. */
  public String describe() {
    String what = switch (outcome) {
      case DISTRIBUTED -> "distributed" + node.map(n -> " on " + n).orElse("");
      case ALREADY_DISTRIBUTED -> "already distributed" + node.map(n -> " on " + n).orElse("");
      case FAILED -> "failed" + sqlState.map(s -> " [" + s + "]").orElse("") + ": " + message.orElse("");
    };
    return tenant + ": " + what;
  }
}
