-- ashpg:up
CREATE TABLE "orgs" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "accounts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" uuid NOT NULL,
  CONSTRAINT "accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "accounts_id_org_id_key_index" ON "accounts" ("id", "org_id");

CREATE INDEX "accounts_id_org_id_index" ON "accounts" ("id", "org_id");

CREATE TABLE "entries" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" uuid NOT NULL,
  "account_id" uuid,
  CONSTRAINT "entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id","org_id") REFERENCES "public"."accounts"("id","org_id"),
  CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "entries";

DROP INDEX IF EXISTS "accounts_id_org_id_index";

DROP INDEX IF EXISTS "accounts_id_org_id_key_index";

DROP TABLE "accounts";

DROP TABLE "orgs";
