-- ashpg:up
CREATE TABLE "items" (
  "id" bigserial NOT NULL,
  "label" text NOT NULL,
  CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "items";
