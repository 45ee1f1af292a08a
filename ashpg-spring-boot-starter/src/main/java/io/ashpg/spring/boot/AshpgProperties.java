package io.ashpg.spring.boot;

import io.ashpg.resource.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ashpg.*} settings of the Spring Boot auto-configuration.
 *
 * <pre>
 * ashpg.apis=com.example.shop.Shop
 * ashpg.migrate.tenants=true
 * ashpg.statement-timeout=5s
 * </pre>
 */
@ConfigurationProperties(prefix = "ashpg")
public class AshpgProperties {

  /** Whether to auto-configure ashpg at all (the Domain, the DataLayer, migrations, health and metrics). */
  private boolean enabled = true;

  /**
   * Api classes (public, with a public no-arg constructor) to build the Domain from, in addition to the beans that
   * implement Api.
   */
  private List<Class<? extends Api>> apis = new ArrayList<>();

  /** Timeout of every data-layer statement (PostgreSQL cancels it after this long); none when unset. */
  private Duration statementTimeout;

  private final Migrate migrate = new Migrate();

  private final Metrics metrics = new Metrics();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<Class<? extends Api>> getApis() {
    return apis;
  }

  public void setApis(List<Class<? extends Api>> apis) {
    this.apis = apis;
  }

  public Duration getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public Migrate getMigrate() {
    return migrate;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  /** Migrations at startup. */
  public static class Migrate {

    /** Whether to apply each repo's pending migrations on the application's DataSource at startup. */
    private boolean enabled = true;

    /**
     * Whether to apply tenant migrations too, in every schema the repo's allTenants lists (and to report the
     * tenants in the health and info contributors).
     */
    private boolean tenants = false;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isTenants() {
      return tenants;
    }

    public void setTenants(boolean tenants) {
      this.tenants = tenants;
    }
  }

  /** Micrometer timers for data-layer statements. */
  public static class Metrics {

    /** Whether to time every data-layer statement (timer ashpg.statements) when a MeterRegistry is there. */
    private boolean enabled = true;

    /**
     * Whether the timer carries a tenant tag: one time series per tenant, so leave it off with many tenants.
     */
    private boolean tenantTag = false;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isTenantTag() {
      return tenantTag;
    }

    public void setTenantTag(boolean tenantTag) {
      this.tenantTag = tenantTag;
    }
  }
}
