def other = context.get('otherBuild') as Thread
other.join(60_000)
assert !other.alive : 'the other build did not let go'
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: waiting for another ashpg goal using ' + new File(basedir, 'target/ashpg/postgres').toPath().toAbsolutePath().normalize()
expect 'ashpg: wrote src/main/resources/db/blog_repo/migrations/'
assert !log.contains('BUILD FAILURE') : 'a build failed'
assert !log.contains('could not lock')

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def tables = Db.withDatabase(basedir, 'blog_repo') { c ->
  Db.rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").collect { it[0] }
}
assert tables.contains('posts')
