package io.ashpg.adopt;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param className fully qualified class name
 * @param path      path below the source root, e.g. {@code com/acme/blog/Article.java}
 * @param content   the source text
 */
public record SourceFile(String className, String path, String content) {

  public SourceFile {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
