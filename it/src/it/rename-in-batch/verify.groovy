def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'headline'
expect 'ashpg.renames'
def dir = new File(basedir, 'src/main/resources/db/blog_repo/migrations')
def files = dir.listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
assert files.size() == 3 : 'expected the extensions, the initial and the rename migration: ' + files*.name
assert files[2].name.endsWith('_rename_title.sql')
def sql = files[2].text
assert sql.contains('RENAME COLUMN "title" TO "headline"') || sql.contains('RENAME "title" TO "headline"') : sql
assert !sql.contains('DROP COLUMN') : sql

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def columns = Db.withDatabase(basedir, 'blog_repo') { c ->
  Db.rows(c, "SELECT column_name FROM information_schema.columns WHERE table_name = 'posts' ORDER BY 1").collect { it[0] }
}
assert columns.contains('headline') && !columns.contains('title') : columns
