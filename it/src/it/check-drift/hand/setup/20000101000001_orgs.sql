-- ashpg:up
-- two organisations, so the repo's allTenants lists the tenant schemas org_1 and org_2
INSERT INTO "public"."orgs" ("id") VALUES (1), (2);
