def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
def leftRunning = ProcessHandle.of(context.get('leftRunningPid') as long)
try {
  expect 'is still running from an earlier build that ended without stopping it (killed?); stopping it, its data stays'
  assert new File(basedir, 'target/ashpg/postgres.log').text.contains('received fast shutdown request')
  assert !leftRunning.map { it.isAlive() }.orElse(false) : 'the left-over server still runs'
} finally {
  leftRunning.filter { it.isAlive() }.ifPresent { it.destroy() } // never outlive the test
}
expect 'ashpg: wrote src/main/resources/db/blog_repo/migrations/'
assert !log.contains('BUILD FAILURE') : 'a build failed'
assert !log.contains('delete that directory')

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
assert Db.withDatabase(basedir, 'postgres') { c -> Db.rows(c, 'SELECT id FROM kept') } == [[42]]
def tables = Db.withDatabase(basedir, 'blog_repo') { c ->
  Db.rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").collect { it[0] }
}
assert tables.contains('posts')
