-- ashpg:up
CREATE TABLE "tenants" ("name" text NOT NULL PRIMARY KEY);
-- 24 ordinary tenants, one whose name is not a valid schema name, one whose schema already has the table
INSERT INTO "tenants" SELECT 't_' || lpad(n::text, 2, '0') FROM generate_series(1, 24) AS n;
INSERT INTO "tenants" VALUES ('acme'), ('bad.name'), ('t_broken');
CREATE SCHEMA "t_broken";
CREATE TABLE "t_broken"."orders" ("x" integer);
-- ashpg:down
DROP SCHEMA "t_broken" CASCADE;
DROP TABLE "tenants";
