package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/** Options of {@code multitenancy(m -> ...)}. */
public final class MultitenancyBuilder {
  private Multitenancy.Strategy strategy = Multitenancy.Strategy.CONTEXT;
  private String attribute;
  private boolean global;

  MultitenancyBuilder() {}

  /** The strategy (default {@code CONTEXT}). */
  public MultitenancyBuilder strategy(Multitenancy.Strategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /** The tenant attribute, required with {@code ATTRIBUTE}. */
  public MultitenancyBuilder attribute(String attribute) {
    this.attribute = Objects.requireNonNull(attribute, "attribute");
    return this;
  }

  /** Whether the resource can also be used without a tenant (default false). */
  public MultitenancyBuilder global(boolean global) {
    this.global = global;
    return this;
  }

  Multitenancy build() {
    return new Multitenancy(strategy, Optional.ofNullable(attribute), global);
  }
}
