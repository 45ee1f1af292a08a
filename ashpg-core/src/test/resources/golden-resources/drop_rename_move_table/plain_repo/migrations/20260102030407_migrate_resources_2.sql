-- ashpg:up
DROP TABLE "alphas";

CREATE SCHEMA IF NOT EXISTS "archive";

ALTER TABLE "public"."gammas" SET SCHEMA "archive";

ALTER TABLE "betas" RENAME TO "bravos";

ALTER TABLE "bravos" RENAME CONSTRAINT "betas_pkey" TO "bravos_pkey";

ALTER INDEX "betas_unique_name_index" RENAME TO "bravos_unique_name_index";
-- ashpg:down
ALTER INDEX "bravos_unique_name_index" RENAME TO "betas_unique_name_index";

ALTER TABLE "bravos" RENAME CONSTRAINT "bravos_pkey" TO "betas_pkey";

ALTER TABLE "bravos" RENAME TO "betas";

ALTER TABLE "archive"."gammas" SET SCHEMA "public";

CREATE TABLE "alphas" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "alphas_pkey" PRIMARY KEY ("id")
);
