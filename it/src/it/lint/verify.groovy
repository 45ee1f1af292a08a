def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
// 1: both findings, Maven style, and the failure listing them
expect '[WARNING] src/main/resources/db/shop_repo/migrations/20240102000000_require_name.sql:[3] ashpg:set-not-null-scan (warning): set not null on stores, column name'
expect 'Fix: add CHECK (col IS NOT NULL) NOT VALID'
expect '[WARNING] src/main/resources/db/shop_repo/tenant_migrations/20240202000000_index_orders.sql:[3] ashpg:create-index-non-concurrent (warning)'
expect 'ashpg: 2 lint finding(s) at or above warning (ashpg.lint.fail):'
expect 'src/main/resources/db/shop_repo/migrations/20240102000000_require_name.sql:[3] ashpg:set-not-null-scan\n'
expect 'BUILD FAILURE'
// the tables the files create themselves are not reported
assert !log.contains('orders_id_total_index') : 'an index on a table created in the same file was reported'
// 2: the accepted copies pass
expect 'ashpg: lint: 4 migration file(s), 0 error(s), 0 warning(s), 0 info'
// 3: warnings below the threshold
expect 'ashpg: lint: 4 migration file(s), 0 error(s), 2 warning(s), 0 info'
// 4: a misspelt rule
expect "ashpg.lint.skipRules: unknown rule 'set-not-nul'; known rules: add-foreign-key-validating"
