package io.ashpg.resource;

import java.util.Objects;

/** A piece of a {@link ManageTenant} schema-name template: fixed text or a record attribute's value. */
public sealed interface TemplatePart permits TemplatePart.Literal, TemplatePart.Attr {

  /** Fixed text, e.g. {@code "org_"}. */
  record Literal(String text) implements TemplatePart {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The value of an attribute of the record, e.g. {@code id}. */
  record Attr(String attribute) implements TemplatePart {
    public Attr {
      Objects.requireNonNull(attribute, "attribute");
    }
  }

  /** Fixed text. */
  static TemplatePart literal(String text) {
    return new Literal(text);
  }

  /** An attribute's value. */
  static TemplatePart attr(String attribute) {
    return new Attr(attribute);
  }
}
