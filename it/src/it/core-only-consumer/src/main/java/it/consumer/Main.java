package it.consumer;

import static io.ashpg.sql.Exprs.attr;

import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.migration.run.DatabaseAdmin;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrations;
import io.ashpg.repo.RepoConfig;
import io.ashpg.repo.RepoDataSources;
import io.ashpg.resource.Domain;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;

/**
 * An application that depends on ashpg-core alone, doing what the site's pages show: create the database, run the
 * migrations from the class path, open a pool with RepoDataSources and read and write through the DataLayer.
 */
public final class Main {

  public static void main(String[] args) throws Exception {
    System.out.println("consumer: class path " + System.getProperty("java.class.path"));
    ShopRepo repo = new ShopRepo();
    RepoConfig config = repo.config();
    DatabaseAdmin.create(config.jdbcUrl().orElseThrow(), config.username().orElse(null), null, true);

    MigrationResult first = Migrations.migrateAll(repo);
    System.out.println("consumer: first run applied " + first.versions() + " in " + first.schemas().size()
        + " schema(s)");

    DataSource pool = RepoDataSources.create(repo);
    try {
      DataLayer dl = DataLayer.of(Domain.build(new Shop()), pool);
      Row org = dl.create(Changeset.create(Shop.ORG).set("name", "Acme"));
      Row product = dl.create(Changeset.create(Shop.PRODUCT).set("title", "Anvil").set("price", new BigDecimal("9.50")));

      // the new org's schema gets the tenant migrations
      MigrationResult second = Migrations.migrateAll(repo);
      System.out.println("consumer: second run applied " + second.versions() + " in schemas "
          + second.schemas().stream().filter(s -> !s.versions().isEmpty()).map(s -> s.schema()).toList());

      DataLayer acme = dl.withTenant("org_" + org.getLong("id"));
      acme.create(Changeset.create(Shop.ORDER).set("quantity", 3L).set("product_id", product.getUuid("id")));
      acme.create(Changeset.create(Shop.ORDER).set("quantity", 4L).set("product_id", product.getUuid("id")));
      List<Row> big = acme.read(Query.of(Shop.ORDER).filter(attr("quantity").gt(3)));
      long orders = acme.count(Query.of(Shop.ORDER));
      Row anvil = dl.first(Query.of(Shop.PRODUCT).filter(attr("title").eq("Anvil"))).orElseThrow();
      System.out.println("consumer: product " + anvil.getString("title") + " costs " + anvil.getBigDecimal("price")
          + "; org_" + org.getLong("id") + " has " + orders + " order(s), " + big.size() + " with quantity > 3");

      MigrationResult third = Migrations.migrateAll(repo);
      System.out.println("consumer: third run applied " + third.versions());
    } finally {
      ((AutoCloseable) pool).close();
    }
    System.out.println("consumer: done");
  }
}
