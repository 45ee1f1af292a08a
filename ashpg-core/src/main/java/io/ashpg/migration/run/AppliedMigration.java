package io.ashpg.migration.run;

import java.time.LocalDateTime;

/**
 * A row of {@code schema_migrations}.
 *
 * @param version the applied version
 * @param insertedAt when it was applied (UTC, as Ecto writes it); null when the row has none
 * @param checksum the file's checksum when ashpg applied it; null for rows written by Ecto or older tools
 */
public record AppliedMigration(long version, LocalDateTime insertedAt, String checksum) {
}
