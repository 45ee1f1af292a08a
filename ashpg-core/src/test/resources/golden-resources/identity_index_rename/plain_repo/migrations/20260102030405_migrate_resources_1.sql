-- ashpg:up
CREATE TABLE "users" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "email" text,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "users_unique_email_index" ON "users" ("email");
-- ashpg:down
DROP INDEX IF EXISTS "users_unique_email_index";

DROP TABLE "users";
