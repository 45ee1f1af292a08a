def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
assert !log.contains('BUILD FAILURE') : 'a build failed'
expect 'ashpg: wrote src/main/resources/db/blog_repo/migrations/'
expect 'ashpg: blog_repo schema public: applied ['
expect 'ashpg: blog_repo schema public: rolled back ['
// the plugin logs through Maven: no SLF4J complaint about missing or duplicate providers
assert !log.contains('SLF4J') : 'SLF4J warned in the build log'

// the project itself has nothing on its runtime class path
def deps = new File(basedir, 'target/runtime-dependencies.txt').text
assert deps.contains('none') : deps

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def state = Db.withDatabase(basedir, 'blog_repo') { c ->
  [tables  : Db.rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").collect { it[0] },
   applied : Db.rows(c, "SELECT count(*) FROM schema_migrations")[0][0]]
}
// the rollback took back the resources' migration; the extensions' one stays
assert state.tables == ['schema_migrations'] : state
assert state.applied == 1 : state
