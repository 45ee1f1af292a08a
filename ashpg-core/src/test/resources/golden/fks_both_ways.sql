-- file: 20260102030405_fks_both_ways.sql
-- ashpg:up
CREATE TABLE "teams" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "captain_id" uuid,
  CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "players" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "team_id" uuid,
  CONSTRAINT "players_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id"),
  CONSTRAINT "players_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "teams" ADD CONSTRAINT "teams_captain_id_fkey" FOREIGN KEY ("captain_id") REFERENCES "players"("id");
-- ashpg:down
ALTER TABLE "teams" DROP CONSTRAINT "teams_captain_id_fkey";

DROP TABLE "players";

DROP TABLE "teams";
