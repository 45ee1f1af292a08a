def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

// the refusal: one message naming schema, table, column, both types and the ways out
expect 'column "score" of table public.items changes type from bigint to boolean'
expect 'PostgreSQL has no cast from bigint to boolean'
expect 'convertType("score"'

def dir = new File(basedir, 'src/main/resources/db/types_repo/migrations')
def files = dir.listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
files = files.findAll { !it.name.endsWith('_extensions.sql') }
assert files.size() == 2 : 'the initial and the retype migration (the refused run wrote nothing): ' + files*.name
assert files[1].name.endsWith('_retype.sql')
def sql = files[1].text
assert sql.contains('ALTER TABLE "items" ALTER COLUMN "qty" TYPE bigint USING "qty"::bigint;') : sql
assert sql.contains('ALTER TABLE "items" ALTER COLUMN "score" TYPE boolean USING "score" <> 0;') : sql
assert sql.contains('ALTER TABLE "items" ALTER COLUMN "score" TYPE bigint USING "score"::integer;') : sql
assert sql.contains('ALTER TABLE "items" ALTER COLUMN "qty" TYPE text;') : sql

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def result = Db.withDatabase(basedir, 'types_repo') { c ->
  [types: Db.rows(c, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'items'"
      + " AND column_name IN ('qty', 'score') ORDER BY 1").collect { it.join(' ') },
   rows: Db.rows(c, "SELECT name, qty, score FROM items ORDER BY name").collect { it.join(' ') }]
}
assert result.types == ['qty bigint', 'score boolean'] : result.types
assert result.rows == ['a 12 true', 'b 0 false', 'c null null'] : result.rows
