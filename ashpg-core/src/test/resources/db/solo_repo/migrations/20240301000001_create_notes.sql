-- ashpg:up
CREATE TABLE "notes" ("id" bigint PRIMARY KEY, "body" text);
-- ashpg:down
DROP TABLE "notes";
