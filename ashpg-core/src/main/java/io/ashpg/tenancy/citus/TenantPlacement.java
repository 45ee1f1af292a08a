package io.ashpg.tenancy.citus;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one distributed tenant schema lives.
 *
 * @param tenant the schema
 * @param colocationId the schema's Citus colocation group (all its tables move together)
 * @param node the node holding its tables; empty while the schema has no table (Citus places a schema with its
 *     first table)
 * @param tables how many tables the schema has
 */
public record TenantPlacement(String tenant, long colocationId, Optional<CitusNode> node, int tables) {

  public TenantPlacement {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(node, "node");
  }
}
