package io.ashpg.migration.snapshot;

import java.nio.file.Path;

/**
 * A snapshot read from the store.
 *
 * @param version  its version (the file name without {@code .json})
 * @param file     the file
 * @param snapshot the content
 */
public record StoredSnapshot(String version, Path file, TableSnapshot snapshot) {
}
