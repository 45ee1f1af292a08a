def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
assert !log.contains('BUILD FAILURE') : 'a build failed'
// the one risky step left on a table holding rows is named with its rule and safe form (indexes are concurrent)
assert log =~ /\[WARNING\] ashpg: \d{14}_migrate_resources_2_after_concurrently\.sql:\[\d+\] ashpg:add-foreign-key-validating: add foreign key on posts/
expect 'Safe alternative: add it NOT VALID'
assert !log.contains('ashpg:create-index-non-concurrent') : 'a concurrent index build was warned about'

def sqlFiles = { String dir -> new File(basedir, "src/main/resources/db/conc_repo/$dir").listFiles()
    .findAll { it.name.endsWith('.sql') }.sort { it.name } }
def migrations = sqlFiles('migrations')
assert migrations*.name.collect { it.substring(15) } == ['migrate_resources_1.sql', 'migrate_resources_2.sql',
    'migrate_resources_2_concurrently.sql', 'migrate_resources_2_after_concurrently.sql'] : migrations*.name

def main = migrations[1].text
assert main.contains('ADD COLUMN "author_email" text') : main
assert !main.contains('CONCURRENTLY') && !main.contains('FOREIGN KEY') && !main.contains('no-transaction') : main

// the index of the identity on the existing table: its own file, outside a transaction, exact inverse as down
def concurrent = migrations[2].text
assert concurrent.startsWith('-- ashpg:no-transaction\n-- ashpg:up\n') : concurrent
assert concurrent.contains('CREATE UNIQUE INDEX CONCURRENTLY "authors_unique_email_index" ON "authors" ("email");') : concurrent
assert concurrent.contains('-- ashpg:down\nDROP INDEX CONCURRENTLY IF EXISTS "authors_unique_email_index";') : concurrent

// the foreign key needs the unique index: after it, in a transaction
def after = migrations[3].text
assert !after.contains('no-transaction') : after
assert after.contains('"posts_author_email_fkey" FOREIGN KEY ("author_email") REFERENCES "public"."authors"("email")') : after

def tenantFiles = sqlFiles('tenant_migrations')
assert tenantFiles*.name.collect { it.substring(15) } == ['migrate_resources_1.sql',
    'migrate_resources_2_concurrently.sql'] : tenantFiles*.name
assert tenantFiles[1].text.startsWith('-- ashpg:no-transaction\n')
assert tenantFiles[1].text.contains('CREATE UNIQUE INDEX CONCURRENTLY "tasks_unique_code_index" ON "tasks" ("code");')

def versions = migrations*.name.collect { it.substring(0, 14) as long }
expect "ashpg: conc_repo schema public: rolled back ${versions[1..3].reverse()}"
expect "ashpg: conc_repo schema tenant_a: applied [${tenantFiles[1].name.substring(0, 14)}]"

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def validUnique = { c, String schema, String index ->
  Db.rows(c, "SELECT i.indisvalid AND i.indisunique FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid " +
      "JOIN pg_namespace n ON n.oid = x.relnamespace WHERE n.nspname = '$schema' AND x.relname = '$index'")
      .collect { it[0] } == [true]
}
Db.withDatabase(basedir, 'conc_repo') { c ->
  assert validUnique(c, 'public', 'authors_unique_email_index')
  assert validUnique(c, 'tenant_a', 'tasks_unique_code_index')
  assert validUnique(c, 'tenant_b', 'tasks_unique_code_index')
  assert Db.rows(c, "SELECT count(*) FROM pg_constraint WHERE conname = 'posts_author_email_fkey'")[0][0] == 1
  assert Db.rows(c, 'SELECT version FROM public.schema_migrations ORDER BY 1').collect { it[0] as long } == versions
}
