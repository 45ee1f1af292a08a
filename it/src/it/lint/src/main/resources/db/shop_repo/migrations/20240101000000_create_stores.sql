-- ashpg:up
CREATE TABLE "stores" (
  "id" bigserial NOT NULL,
  "name" text,
  CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "stores";
