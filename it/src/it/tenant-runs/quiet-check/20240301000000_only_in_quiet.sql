-- ashpg:up
SELECT 1;
-- ashpg:down
SELECT 1;
