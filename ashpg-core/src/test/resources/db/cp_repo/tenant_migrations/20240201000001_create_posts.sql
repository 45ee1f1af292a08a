-- ashpg:up
CREATE TABLE "posts" ("id" bigint PRIMARY KEY, "org_id" bigint REFERENCES "public"."orgs" ("id"), "title" text);
-- ashpg:down
DROP TABLE "posts";
