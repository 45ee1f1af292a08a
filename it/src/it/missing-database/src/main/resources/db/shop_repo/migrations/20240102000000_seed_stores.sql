-- ashpg:up
INSERT INTO "stores" ("id", "name") SELECT n, 'store ' || n FROM generate_series(1, 5) AS n;
CREATE SCHEMA store_1;
CREATE SCHEMA store_2;
CREATE SCHEMA store_3;
CREATE SCHEMA store_4;
CREATE SCHEMA store_5;
-- ashpg:down
DROP SCHEMA store_1, store_2, store_3, store_4, store_5 CASCADE;
DELETE FROM "stores";
