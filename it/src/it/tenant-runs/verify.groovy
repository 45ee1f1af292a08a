def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
// 2: every valid tenant runs; the invalid name and the failing tenant are counted, summed up and listed at the end
expect 'ashpg: tenants_repo tenants: 27 tenant(s), 26 with migrations to run'
expect 'ashpg: 27/27 tenants, 2 failed'
expect 'ashpg: tenants_repo tenants: 25 migrated, 2 failed, 0 already up to date (27 tenant(s)'
expect 'ashpg: … and 5 more tenant(s); run with -X to list each'
expect '2 migration failure(s) in tenants_repo tenants (25 migrated, 2 failed, 0 already up to date):'
expect "schema \"bad.name\": 'bad.name' is not a valid tenant name"
expect 'or leave it out with exceptTenants'
expect 'schema "t_broken", migration '
expect '20240201000000_create_orders.sql: ERROR: relation "orders" already exists'
expect 'statement: CREATE TABLE "orders"'
assert log.count(': applied [20240201000000]') == 20 : 'per-tenant lines are not capped at 20'
// 3: exceptTenants skips both
expect 'ashpg: tenants_repo tenants: 0 migrated, 0 failed, 25 already up to date'
expect 'ashpg: tenants_repo tenants: already up to date, nothing to migrate'
// 4-6: filters naming unknown tenants, tenant options without ashpg.tenants
expect "onlyTenants names 'acmee': the tenant lister of repo tenants_repo does not list it"
expect 'ashpg: ashpg.onlyTenants only apply to tenant runs'
expect 'ashpg: ashpg.poolSize only apply to tenant runs'
// 7-11: status
expect 'ashpg: tenants_repo schema public: 1 applied, 0 pending (up to date)'
expect 'ashpg: tenants_repo not up to date (ashpg.failOnPending):'
expect 'changed after it was applied: '
expect '  changed  migration '
assert !log.contains('only_in_quiet') : 'status -Dashpg.quiet listed a pending migration'
expect 'ashpg: tenants_repo tenants not up to date (ashpg.failOnPending):'
expect 'schema t_broken: 1 pending'
expect 'ashpg: tenants_repo tenants: 27 tenant(s), 25 up to date, 2 not (1 invalid name(s))'
expect "  invalid  tenant name 'bad.name': not looked at"
// 12: an invalid tenant name alone fails the CI check (every other tenant is up to date)
expect 'ashpg: tenants_repo tenants: 26 tenant(s), 25 up to date, 1 not (1 invalid name(s))'
expect "tenant 'bad.name': not a valid tenant name, so its schema was not looked at"
expect "'bad.name' is not a valid tenant name"
assert log.count('BUILD FAILURE') == 7 : 'expected exactly seven failed builds, got ' + log.count('BUILD FAILURE')

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def migrated = Db.withDatabase(basedir, 'tenants_repo') { c ->
  Db.rows(c, "SELECT table_schema FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total' " +
      "ORDER BY 1").collect { it[0] }
}
assert migrated.size() == 25 && migrated.contains('acme') && !migrated.contains('t_broken') : migrated
