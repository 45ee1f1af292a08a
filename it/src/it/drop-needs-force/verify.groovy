def log = new File(basedir, 'build.log').text
assert log.contains('refusing to drop the database of repo shop_repo') : 'no refusal in build.log'
assert log.contains('pass -Dashpg.force') : 'the refusal does not say how to drop'
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def names = Db.withDatabase(basedir, 'postgres') { c -> Db.rows(c, 'SELECT datname FROM pg_database').collect { it[0] } }
assert names.contains('shop_repo') : 'the database was dropped without confirmation'
