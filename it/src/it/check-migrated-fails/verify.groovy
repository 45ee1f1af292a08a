def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'the resources changed since migrations were last generated'
expect 'blog_repo posts:'
expect 'subtitle'
expect 'Run mvn ashpg:generate-migrations'
// check-migrated wrote nothing
def migrations = new File(basedir, 'src/main/resources/db/blog_repo/migrations').listFiles().findAll { it.name.endsWith('.sql') }
assert migrations.size() == 2 : 'check-migrated wrote a migration: ' + migrations*.name
assert new File(basedir, 'src/main/ashpg/resource_snapshots/blog_repo/posts').listFiles().size() == 1
