def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
def root = basedir.toPath()

// what the dev runs wrote, in the order they wrote it
def devWritten = (log =~ /ashpg: wrote (src\/main\/resources\/db\/dev_repo\/(migrations|tenant_migrations)\/(\d{14})_\w+_dev\.sql)/)
    .collect { [path: it[1], dir: it[2], version: it[3] as long] }
assert devWritten.size() == 4 : devWritten
def devPublic = devWritten.findAll { it.dir == 'migrations' }*.version
def devTenant = devWritten.findAll { it.dir == 'tenant_migrations' }*.version
assert devPublic.size() == 2 && devTenant.size() == 2
expect 'ashpg: wrote src/main/ashpg/resource_snapshots/dev_repo/authors/'
assert log =~ /ashpg: wrote src\/main\/ashpg\/resource_snapshots\/dev_repo\/tenants\/tasks\/\d{14}_dev\.json/
expect "ashpg: dev_repo schema public: applied [${devPublic[0]}]"
expect "ashpg: dev_repo schema tenant_b: applied [${devTenant[1]}]"

// check-migrated fails while dev files exist; the dry run only says what it would do
expect 'dev migrations:'
expect 'not squashed yet'
expect 'ashpg: would roll back (where applied) and delete dev file src/main/resources/db/dev_repo/migrations/'
expect 'ashpg: dry run, nothing was written'

// the squash: newest first, in every tenant and in public; then every dev file deleted
expect "ashpg: dev_repo schema tenant_a: rolled back dev migration(s) ${devTenant.reverse()}"
expect "ashpg: dev_repo schema tenant_b: rolled back dev migration(s) ${devTenant.reverse()}"
expect "ashpg: dev_repo schema public: rolled back dev migration(s) ${devPublic.reverse()}"
devWritten.each { expect "ashpg: deleted dev file ${it.path}" }

def all = []
root.toFile().eachFileRecurse { if (it.isFile() && !it.path.contains('/target/')) all << root.relativize(it.toPath()).toString() }
assert all.findAll { it.contains('_dev') }.isEmpty() : all.findAll { it.contains('_dev') }

def sqlFiles = { String dir -> new File(basedir, "src/main/resources/db/dev_repo/$dir").listFiles()
    .findAll { it.name.endsWith('.sql') }.sort { it.name } }
def migrations = sqlFiles('migrations')
assert migrations*.name.collect { it.substring(15) } == ['migrate_resources_1.sql', 'migrate_resources_2.sql'] : migrations*.name
def squashed = migrations[1].text
assert squashed.contains('ADD COLUMN "nickname" text DEFAULT \'anon\' NOT NULL') : squashed
assert squashed.contains('ADD COLUMN "age" bigint') : squashed
assert !squashed.contains('ALTER COLUMN') : 'one migration with the final state, not the dev steps: ' + squashed
def tenantFiles = sqlFiles('tenant_migrations')
assert tenantFiles*.name.collect { it.substring(15) } == ['migrate_resources_1.sql', 'migrate_resources_2.sql'] : tenantFiles*.name
assert tenantFiles[1].text.contains('ADD COLUMN "note" text') && tenantFiles[1].text.contains('ADD COLUMN "priority" bigint')
assert new File(basedir, 'src/main/ashpg/resource_snapshots/dev_repo/authors').list().sort().size() == 2
assert new File(basedir, 'src/main/ashpg/resource_snapshots/dev_repo/tenants/tasks').list().sort().size() == 2

def versionsOf = { files -> files*.name.collect { it.substring(0, 14) as long } }
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
Db.withDatabase(basedir, 'dev_repo') { c ->
  def applied = { String schema -> Db.rows(c, "SELECT version FROM \"$schema\".schema_migrations ORDER BY 1").collect { it[0] as long } }
  assert applied('public') == versionsOf(migrations)
  ['tenant_a', 'tenant_b'].each { assert applied(it) == versionsOf(tenantFiles) : it }
  def columns = { String schema, String table -> Db.rows(c, "SELECT column_name, is_nullable, column_default FROM " +
      "information_schema.columns WHERE table_schema = '$schema' AND table_name = '$table' ORDER BY 1")
      .collectEntries { [(it[0]): [it[1], it[2]]] } }
  def authors = columns('public', 'authors')
  assert authors.keySet() == ['age', 'id', 'name', 'nickname'] as Set
  assert authors.nickname[0] == 'NO' && authors.nickname[1].startsWith("'anon'") : authors.nickname
  ['tenant_a', 'tenant_b'].each { assert columns(it, 'tasks').keySet() == ['code', 'id', 'note', 'priority'] as Set : it }
}
// only the check-migrated run with dev files failed; the last one, after the squash, passed
assert log.count('BUILD FAILURE') == 1
