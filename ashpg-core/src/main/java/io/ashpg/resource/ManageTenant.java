package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Makes records of this resource own a tenant schema: creating one creates the schema (and runs tenant migrations),
 * changing a template attribute renames it.
 *
 * @param template schema name parts, concatenated
 * @param create   create the schema after create (default true)
 * @param update   rename the schema after an update that changes it (default true)
 */
public record ManageTenant(List<TemplatePart> template, boolean create, boolean update) {
  /** Tenant schema names must match this. */
  public static final Pattern VALID_TENANT = Pattern.compile("^[a-zA-Z0-9_-]+$");

  public ManageTenant {
    template = List.copyOf(template);
  }

  /** The attributes the template reads. */
  public List<String> templateAttributes() {
    return template.stream()
        .filter(TemplatePart.Attr.class::isInstance)
        .map(p -> ((TemplatePart.Attr) p).attribute())
        .toList();
  }

  /**
   * The schema name for a record whose attribute values {@code valueOf} returns.
   *
   * @throws IllegalArgumentException if a value is missing or the name has characters outside {@code [a-zA-Z0-9_-]}
   */
  public String tenantName(Function<String, Object> valueOf) {
    StringBuilder name = new StringBuilder();
    for (TemplatePart part : template) {
      if (part instanceof TemplatePart.Literal literal) {
        name.append(literal.text());
      } else if (part instanceof TemplatePart.Attr attr) {
        Object value = valueOf.apply(attr.attribute());
        Objects.requireNonNull(value, () -> "tenant template attribute " + attr.attribute() + " has no value");
        name.append(value);
      }
    }
    if (!VALID_TENANT.matcher(name).matches()) {
      throw new IllegalArgumentException("tenant name \"" + name + "\" must match " + VALID_TENANT.pattern());
    }
    return name.toString();
  }
}
