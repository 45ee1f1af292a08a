-- ashpg:up
CREATE TABLE "orgs" ("id" bigint PRIMARY KEY, "name" text NOT NULL);
-- ashpg:down
DROP TABLE "orgs";
