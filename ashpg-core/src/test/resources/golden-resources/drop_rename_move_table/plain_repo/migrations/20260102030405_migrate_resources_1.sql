-- ashpg:up
CREATE TABLE "alphas" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "alphas_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "betas" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "betas_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "betas_unique_name_index" ON "betas" ("name");

CREATE TABLE "gammas" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "gammas_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "legacies" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "legacies_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "legacies";

DROP TABLE "gammas";

DROP INDEX IF EXISTS "betas_unique_name_index";

DROP TABLE "betas";

DROP TABLE "alphas";
