-- ashpg:up
CREATE TABLE "orgs" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text,
  CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "accounts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "code" text NOT NULL,
  "org_id" uuid NOT NULL,
  CONSTRAINT "accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "accounts_code_org_id_index" ON "accounts" ("code", "org_id");

CREATE UNIQUE INDEX "accounts_id_org_id_index" ON "accounts" ("id", "org_id");

CREATE INDEX "accounts_code_lookup" ON "accounts" ("org_id", "code");

CREATE TABLE "entries" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  "org_id" uuid NOT NULL,
  "account_id" text,
  "owner_id" uuid,
  "audited_id" uuid,
  CONSTRAINT "entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id","org_id") REFERENCES "public"."accounts"("code","org_id"),
  CONSTRAINT "entries_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id"),
  CONSTRAINT "entries_audited_id_fkey" FOREIGN KEY ("audited_id","org_id") REFERENCES "public"."accounts"("id","org_id"),
  CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "entries_unique_name_index" ON "entries" ("org_id", "name");

CREATE INDEX "entries_org_id_owner_id_index" ON "entries" ("org_id", "owner_id");
-- ashpg:down
DROP INDEX IF EXISTS "entries_org_id_owner_id_index";

DROP INDEX IF EXISTS "entries_unique_name_index";

DROP TABLE "entries";

DROP INDEX IF EXISTS "accounts_code_lookup";

DROP INDEX IF EXISTS "accounts_id_org_id_index";

DROP INDEX IF EXISTS "accounts_code_org_id_index";

DROP TABLE "accounts";

DROP TABLE "orgs";
