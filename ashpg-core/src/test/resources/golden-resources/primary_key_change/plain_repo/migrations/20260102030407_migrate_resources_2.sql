-- ashpg:up
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

ALTER TABLE "memberships" DROP COLUMN "id";

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY ("group_id","user_id");
-- ashpg:down
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

ALTER TABLE "memberships" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY ("id");
