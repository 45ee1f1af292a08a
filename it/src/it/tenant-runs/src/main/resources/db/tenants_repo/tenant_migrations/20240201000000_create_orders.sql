-- ashpg:up
CREATE TABLE "orders" ("id" bigserial NOT NULL PRIMARY KEY, "total" integer NOT NULL);
-- ashpg:down
DROP TABLE "orders";
