def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: database of repo shop_repo created'
expect 'ashpg: database of repo shop_repo already exists'
expect 'ashpg: database of repo shop_repo dropped'
expect 'ashpg: database of repo shop_repo did not exist'
assert !log.contains('BUILD FAILURE')

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def names = Db.withDatabase(basedir, 'postgres') { c -> Db.rows(c, 'SELECT datname FROM pg_database').collect { it[0] } }
assert !names.contains('shop_repo') : 'shop_repo still exists: ' + names
