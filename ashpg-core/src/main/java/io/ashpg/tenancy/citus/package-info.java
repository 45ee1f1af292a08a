/**
 * Tenant operations on a Citus cluster (schema-based sharding, Citus 12+): where each tenant schema lives, moving a
 * tenant to another node, rebalancing, and distributing the schemas of an existing tenant fleet —
 * {@link io.ashpg.tenancy.citus.CitusTenants}. New tenant schemas of a {@linkplain io.ashpg.repo.Repo#citus() Citus
 * repo} are created distributed already ({@link io.ashpg.migration.run.TenantSchema}).
 */
package io.ashpg.tenancy.citus;
