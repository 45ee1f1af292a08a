package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attribute multitenancy: a key to a non-primary-key column of another tenant table is composite with the tenant
 * column. An optional relationship must still be able to stay empty (the key NULL while the tenant is set), and a
 * set key must point into the row's own tenant.
 */
@WithPostgres
class TenantCompositeKeyTest {

  private final TestDatabase db;

  TenantCompositeKeyTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void optionalCompositeKeyMayBeEmptyButNeverCrossesTenants() throws SQLException {
    ThrowawaySchema.migrate(Domain.of(ResourceCases.attributeMultitenancy().steps().get(0).resources()),
        db.dataSource());
    UUID orgA = UUID.randomUUID();
    UUID orgB = UUID.randomUUID();
    try (Connection c = db.connect()) {
      exec(c, "INSERT INTO orgs (id, name) VALUES (?, 'a'), (?, 'b')", orgA, orgB);
      UUID account = UUID.randomUUID();
      exec(c, "INSERT INTO accounts (id, org_id, code) VALUES (?, ?, 'acc')", account, orgA);

      // optional relationships left empty
      exec(c, "INSERT INTO entries (id, org_id, name) VALUES (?, ?, 'empty')", UUID.randomUUID(), orgA);
      // set within the tenant
      exec(c, "INSERT INTO entries (id, org_id, name, account_id, audited_id) VALUES (?, ?, 'set', 'acc', ?)",
          UUID.randomUUID(), orgA, account);
      // the same code and id seen from another tenant do not exist there
      assertThatThrownBy(() -> exec(c, "INSERT INTO entries (id, org_id, name, account_id) VALUES (?, ?, 'x', 'acc')",
          UUID.randomUUID(), orgB)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
      assertThatThrownBy(() -> exec(c, "INSERT INTO entries (id, org_id, name, audited_id) VALUES (?, ?, 'y', ?)",
          UUID.randomUUID(), orgB, account)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
    }
  }

  private static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
