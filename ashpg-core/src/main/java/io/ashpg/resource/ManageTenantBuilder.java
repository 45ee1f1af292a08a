package io.ashpg.resource;

import java.util.ArrayList;
import java.util.List;

/** Options of {@code manageTenant(t -> ...)}. */
public final class ManageTenantBuilder {
  private final List<TemplatePart> template = new ArrayList<>();
  private boolean create = true;
  private boolean update = true;

  ManageTenantBuilder() {}

  /**
   * The schema name template: {@link String}s are literal text, {@link TemplatePart}s as given, e.g.
   * {@code template("org_", TemplatePart.attr("id"))}.
   */
  public ManageTenantBuilder template(Object... parts) {
    template.clear();
    for (Object part : parts) {
      if (part instanceof String s) {
        template.add(TemplatePart.literal(s));
      } else if (part instanceof TemplatePart p) {
        template.add(p);
      } else {
        throw new IllegalArgumentException("template parts are Strings or TemplatePart values, got: " + part);
      }
    }
    return this;
  }

  /** Create the tenant schema after create (default true). */
  public ManageTenantBuilder create(boolean create) {
    this.create = create;
    return this;
  }

  /** Rename the tenant schema after an update changing it (default true). */
  public ManageTenantBuilder update(boolean update) {
    this.update = update;
    return this;
  }

  boolean hasTemplate() {
    return !template.isEmpty();
  }

  ManageTenant build() {
    return new ManageTenant(List.copyOf(template), create, update);
  }
}
