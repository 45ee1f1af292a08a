def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: wrote src/main/resources/sql/main/'
expect 'ashpg: wrote src/main/resources/sql/tenants/'
expect 'ashpg: paths_repo schema public: applied ['
expect 'ashpg: paths_repo schema acme: applied ['
expect 'ashpg: paths_repo schema globex: applied ['
assert !log.contains('has no migrations directory') : 'migrate did not find the generated migrations'
assert !log.contains('BUILD FAILURE') : 'a build failed'
assert !new File(basedir, 'src/main/resources/db').exists() : 'files were generated under db/, where migrate never looks'

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def tables = Db.withDatabase(basedir, 'paths_repo') { c ->
  Db.rows(c, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name IN ('orgs', 'tasks') ORDER BY 1").collect { it[0] }
}
assert tables == ['acme.tasks', 'globex.tasks', 'public.orgs'] : tables
