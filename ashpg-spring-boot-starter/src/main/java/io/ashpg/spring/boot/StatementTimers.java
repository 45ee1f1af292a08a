package io.ashpg.spring.boot;

import io.ashpg.data.StatementEvent;
import io.ashpg.data.StatementListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Times every data-layer statement in the Micrometer timer {@code ashpg.statements}, tagged with the resource, the
 * operation ({@code read}, {@code create}, …), the action, the outcome ({@code success} or {@code error}) and,
 * when asked for, the tenant. Statements without a resource (transaction bookkeeping) are tagged {@code none}.
 */
public final class StatementTimers implements StatementListener {

  /** The timer's name. */
  public static final String NAME = "ashpg.statements";

  private static final String NONE = "none";

  private final MeterRegistry registry;
  private final boolean tenantTag;

  /**
   * @param registry where the timer lives
   * @param tenantTag whether to tag by tenant (one time series per tenant: only for few tenants)
   */
  public StatementTimers(MeterRegistry registry, boolean tenantTag) {
    this.registry = registry;
    this.tenantTag = tenantTag;
  }

  @Override
  public void onStatement(StatementEvent event) {
    Tags tags = Tags.of("resource", event.resource().orElse(NONE), "operation", event.operation(),
        "action", event.action().orElse(NONE), "outcome", event.succeeded() ? "success" : "error");
    if (tenantTag) {
      tags = tags.and("tenant", event.tenant().orElse(NONE));
    }
    Timer.builder(NAME).description("Statements the ashpg DataLayer ran").tags(tags).register(registry)
        .record(event.duration());
  }
}
