def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: wrote src/main/resources/db/saas_repo/migrations/'
expect 'ashpg: wrote src/main/resources/db/saas_repo/tenant_migrations/'
// the second run: the refused primary key, named with its resource and the fix
expect 'resource "audit_entry", option primaryKey: the primary key (id) lacks the distribution column "org_id"'

def sql = new File(basedir, 'src/main/resources/db/saas_repo/migrations').listFiles().findAll { it.name.endsWith('.sql') }
assert sql.size() == 1 : sql
def up = sql[0].text.split('-- ashpg:down')[0]
assert up.contains("SELECT create_reference_table('\"users\"')") : up
assert up.contains("SELECT create_reference_table('\"organizations\"')") : up
assert up.contains("SELECT create_distributed_table('\"audit_log\"', 'org_id')") : up
assert up.indexOf("create_distributed_table") < up.indexOf('ADD CONSTRAINT "audit_log_org_id_fkey"') : up
def snapshot = new File(basedir, 'src/main/ashpg/resource_snapshots/saas_repo/audit_log').listFiles()
assert snapshot.size() == 1 && snapshot[0].text.contains('"kind": "distributed"') : snapshot
