/**
 * SQL building blocks: {@link io.ashpg.sql.Identifier} (validate and quote names), {@link io.ashpg.sql.Expr} (the
 * sealed expression tree, built with {@link io.ashpg.sql.Exprs}), {@link io.ashpg.sql.ExprRenderer} and
 * {@link io.ashpg.sql.SqlBuilder} (SQL text plus bind values), {@link io.ashpg.sql.SqlValues} (Java values to JDBC
 * values by attribute type). Values only ever travel as bind parameters.
 */
package io.ashpg.sql;
