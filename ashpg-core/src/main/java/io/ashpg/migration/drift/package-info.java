/**
 * Drift checks: whether a live database — its public schema and every tenant schema — still is what its applied
 * migrations built, as the snapshots describe it ({@link io.ashpg.migration.drift.DriftChecker}), with a report per
 * schema, table and object ({@link io.ashpg.migration.drift.DriftReport}, also as JSON), objects ashpg does not
 * manage left alone by name pattern ({@link io.ashpg.migration.drift.IgnorePatterns}). Built on the catalog
 * introspection of {@link io.ashpg.migration.introspect}.
 */
package io.ashpg.migration.drift;
