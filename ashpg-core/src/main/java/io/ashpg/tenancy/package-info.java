/**
 * Tenant schemas of context ("schema per tenant") multitenancy: {@link io.ashpg.tenancy.MultiTenancy} creates,
 * renames, drops, lists and migrates them (AshPostgres' {@code AshPostgres.MultiTenancy}).
 */
package io.ashpg.tenancy;
