def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: shop_repo schema public: applied [20240101000000, 20240102000000]'
expect '20240103000000_broken.sql'
expect 'UPDATE "stores" SET "city" = "no_such_column"'
expect 'column "no_such_column" does not exist'
expect 'BUILD FAILURE'

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def state = Db.withDatabase(basedir, 'shop_repo') { c ->
  [versions: Db.rows(c, 'SELECT version FROM schema_migrations ORDER BY 1').collect { it[0] as long },
   city    : Db.rows(c, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'stores' AND column_name = 'city'")[0][0] as long]
}
// the failed migration left nothing behind: the column it added first was rolled back with it
assert state.versions == [20240101000000L, 20240102000000L]
assert state.city == 0L
