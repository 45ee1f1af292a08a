-- ashpg:up
CREATE TABLE "memberships" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "group_id" uuid NOT NULL,
  "user_id" uuid NOT NULL,
  CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
-- ashpg:down
DROP TABLE "memberships";
