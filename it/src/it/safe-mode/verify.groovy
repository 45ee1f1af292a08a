def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

def migrations = new File(basedir, 'src/main/resources/db/safe_repo/migrations').listFiles()
    .findAll { it.name.endsWith('.sql') }.sort { it.name }
assert migrations*.name.collect { it.substring(15) } == ['migrate_resources_1.sql', 'migrate_resources_2.sql',
    'migrate_resources_2_concurrently.sql', 'migrate_resources_2_validate.sql'] : migrations*.name

// the first file: the NOT NULL as a check that does not scan
def main = migrations[1].text
assert main.contains('ADD CONSTRAINT "notes_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;') : main
assert !main.contains('SET NOT NULL') : main

// the index: concurrently, without lock timeout, after dropping a leftover of the same name
def concurrent = migrations[2].text
assert concurrent.startsWith('-- ashpg:no-transaction\n-- ashpg:lock-timeout 0\n-- ashpg:up\n') : concurrent
assert concurrent.contains('DROP INDEX CONCURRENTLY IF EXISTS "notes_unique_title_index";\n\nCREATE UNIQUE INDEX CONCURRENTLY "notes_unique_title_index"') : concurrent

// then the scan under a weak lock, SET NOT NULL without one, the check dropped
def validate = migrations[3].text
assert validate.startsWith('-- ashpg:no-transaction\n-- ashpg:up\n') : validate
assert validate.indexOf('VALIDATE CONSTRAINT "notes_title_not_null_check"') < validate.indexOf('SET NOT NULL') : validate

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
Db.withDatabase(basedir, 'safe_repo') { c ->
  assert Db.rows(c, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.notes'::regclass" +
      " AND attname = 'title'")[0][0] == true
  assert Db.rows(c, "SELECT count(*) FROM pg_constraint WHERE conname = 'notes_title_not_null_check'")[0][0] == 0
  assert Db.rows(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")[0][0] == 0
  assert Db.rows(c, 'SELECT count(*) FROM public.schema_migrations')[0][0] == 4
}

// the third build: refused before connecting, naming the property and what it accepts
expect "ashpg.lockTimeout: lock timeout 'soon' needs a time such as 30s, 500ms or 2min"
