package io.ashpg.tenancy.citus;

import java.util.Objects;

/**
 * A node of a Citus cluster as the coordinator knows it ({@code pg_dist_node}): host name and port.
 *
 * @param host the host name, as given to {@code citus_add_node}
 * @param port the port, 1 to 65535
 */
public record CitusNode(String host, int port) {

  public CitusNode {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("node host is blank; give the host name the node was added with"
          + " (citus_add_node), e.g. \"10.0.0.12\"");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("node port " + port + " of " + host + " is not a TCP port (1..65535)");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
