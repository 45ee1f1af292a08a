-- ashpg:up
CREATE TABLE "orgs" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "products" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "title" text NOT NULL,
  "price" numeric(10,2),
  CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "products";

DROP TABLE "orgs";
