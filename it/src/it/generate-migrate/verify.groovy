def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: would write src/main/resources/db/blog_repo/migrations/'
expect 'CREATE TABLE "posts"'
expect 'ashpg: dry run, nothing was written'
expect 'ashpg: wrote src/main/resources/db/blog_repo/migrations/'
expect 'ashpg: wrote src/main/resources/db/blog_repo/tenant_migrations/'
expect 'ashpg: No changes detected'
expect 'ashpg: blog_repo: already up to date, nothing to migrate'
expect 'check-migrated (default)'
assert !log.contains('BUILD FAILURE') : 'a build failed'

def migrations = new File(basedir, 'src/main/resources/db/blog_repo/migrations').listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
assert migrations*.name.collect { it.substring(15) } == ['migrate_resources_1_extensions.sql', 'migrate_resources_1.sql'] : migrations*.name
assert migrations[0].text.contains('CREATE EXTENSION IF NOT EXISTS "citext"')
def sql = migrations[1].text
assert sql.contains('-- ashpg:up') && sql.contains('-- ashpg:down')
assert sql.contains('CREATE TABLE "posts"')
def tenantFiles = new File(basedir, 'src/main/resources/db/blog_repo/tenant_migrations').listFiles().findAll { it.name.endsWith('.sql') }
assert tenantFiles.size() == 1
assert tenantFiles[0].text.contains('REFERENCES "public"."orgs"')
assert new File(basedir, 'src/main/ashpg/resource_snapshots/blog_repo/posts').listFiles().size() == 1
assert new File(basedir, 'src/main/ashpg/resource_snapshots/blog_repo/tenants/invoices').listFiles().size() == 1

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'Db.groovy'))
def state = Db.withDatabase(basedir, 'blog_repo') { c ->
  [tables : Db.rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").collect { it[0] },
   checks : Db.rows(c, "SELECT conname FROM pg_constraint WHERE contype = 'c' ORDER BY 1").collect { it[0] },
   indexes: Db.rows(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1").collect { it[0] }]
}
assert state.tables == ['authors', 'orgs', 'posts', 'schema_migrations']
assert state.checks.contains('score_must_be_positive')
assert state.indexes.contains('authors_unique_email_index')
