def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE') : 'the reactor build failed'
assert !log.contains('is not marked @threadSafe') : 'a mojo is not thread-safe'
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def versions = { String module ->
  Db.withDatabase(new File(basedir, module), 'shop_repo') { c ->
    Db.rows(c, 'SELECT version FROM schema_migrations ORDER BY 1').collect { it[0] as long }
  }
}
assert versions('a') == [20240101000000L]
assert versions('b') == [20240101000000L, 20240102000000L]
