/**
 * The data layer's exceptions: {@link io.ashpg.error.AshPgException} and its subtypes, {@link io.ashpg.error.FieldError}
 * and {@link io.ashpg.error.ConstraintErrorMapper}, which maps PostgreSQL constraint violations to field errors by
 * constraint name (never by message text).
 */
package io.ashpg.error;
