package io.ashpg.migration.generate;

import java.nio.file.Path;

/**
 * A file a generation run writes (or would write).
 *
 * @param path    where
 * @param content what
 * @param kind    what kind of file
 */
public record GeneratedFile(Path path, String content, Kind kind) {

  /** Kinds of generated files. */
  public enum Kind {
    /** A public migration. */
    MIGRATION,
    /** A tenant migration. */
    TENANT_MIGRATION,
    /** A table snapshot (from a dev run also the marker of a table its dev migration dropped). */
    SNAPSHOT,
    /** A repo's extensions.json. */
    EXTENSIONS
  }
}
