-- ashpg:up
CREATE TABLE "stores" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "products" (
  "id" bigserial NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "products";

DROP TABLE "stores";
