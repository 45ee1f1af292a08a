-- tenants' orders tables are small; a plain index build is fine
-- ashpg:lint-ignore create-index-non-concurrent
-- ashpg:up
SET LOCAL lock_timeout = '5s';
CREATE INDEX "orders_total_index" ON "orders" ("total");
-- ashpg:down
DROP INDEX "orders_total_index";
