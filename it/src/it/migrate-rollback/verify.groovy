def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'using the embedded PostgreSQL in target/ashpg/postgres'
expect 'ashpg: database of repo shop_repo created'
expect 'ashpg: shop_repo schema public: applied [20240101000000, 20240102000000]'
expect 'ashpg: shop_repo schema public: rolled back [20240102000000]'
expect 'ashpg: shop_repo schema public: 2 applied, 0 pending (up to date)'
expect 'ashpg: shop_repo schema store_1: applied [20240201000000]'
expect 'ashpg: shop_repo schema store_2: applied [20240201000000]'
expect 'ashpg: shop_repo schema store_3: applied [20240201000000]'
expect 'ashpg: shop_repo schema store_4: applied [20240201000000]'
expect 'ashpg: shop_repo schema store_4: rolled back [20240201000000]'
expect 'ashpg: shop_repo: already up to date, nothing to migrate'
assert !log.contains('store_5: applied') : 'store_5 was excluded but migrated'
expect 'ashpg: shop_repo: ashpg.step is 0, nothing rolled back'
expect 'ashpg: ashpg.step is -1; give the number of migrations to roll back, 0 or more'
expect 'ashpg: ashpg.step is -2; give the number of pending migrations to run, 1 or more'
assert log.count('BUILD FAILURE') == 2 : 'a build other than the two with a negative step failed'
assert !log.contains('ashpg-migrator - Start') : 'pool chatter in the build log'

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def state = Db.withDatabase(basedir, 'shop_repo') { c ->
  [public : Db.rows(c, 'SELECT version FROM public.schema_migrations ORDER BY 1').collect { it[0] as long },
   tenants: Db.rows(c, "SELECT n.nspname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace " +
       "WHERE t.relname = 'orders' ORDER BY 1").collect { it[0] },
   stores : Db.rows(c, 'SELECT count(*) FROM stores')[0][0] as long]
}
assert state.public == [20240101000000L, 20240102000000L]
assert state.tenants == ['store_1', 'store_2', 'store_3']
assert state.stores == 5L
