import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

// 4: freshly migrated, public and both tenants: no drift, and a JSON report saying so
expect 'ashpg: blog_repo: no drift in 3 schema(s)'
def clean = new JsonSlurper().parse(new File(basedir, 'target/drift-clean.json'))
assert clean.drifted == false && clean.schemasChecked == 3 && clean.tenantsChecked == 2 && clean.schemas == []

// 6: each hand change named, per table and object, and the build failed
expect 'ashpg: drift in blog_repo: 2 of 3 schema(s) drifted (4 difference(s))'
expect '  public.authors\n'
expect '    index authors_unique_email_index: missing (expected UNIQUE btree ("email"))'
expect '  public.posts\n'
expect '    column extra_note: not declared (found text)'
expect '    foreign key posts_author_id_fkey: on delete: expected CASCADE but was SET NULL'
expect '  org_2.invoices: missing'
def report = new JsonSlurper().parse(new File(basedir, 'target/drift.json'))
assert report.drifted == true
assert report.schemas*.schema == ['public', 'org_2']
def pub = report.schemas[0]
assert pub.status == 'drifted' && pub.comparedTo == 'latest'
assert pub.tables*.table == ['authors', 'posts']
def posts = pub.tables[1].differences
assert posts.find { it.object == 'column extra_note' }.kind == 'unexpected'
def fk = posts.find { it.object == 'foreign key posts_author_id_fkey' }
assert fk.kind == 'different' && fk.field == 'on delete' && fk.expected == 'CASCADE' && fk.actual == 'SET NULL'
assert report.schemas[1].tables[0].table == 'invoices' && report.schemas[1].tables[0].differences[0].kind == 'missing'

// 7: the public differences, ignored by name, and the public schema alone
expect 'ashpg: blog_repo: no drift in 1 schema(s), 3 difference(s) ignored'

// 8: a sample of the one tenant onlyTenants leaves, with its seed
expect 'ashpg: blog_repo: comparing a sample of 1 tenant(s) (-Dashpg.drift.seed=7 picks the same ones again)'
expect 'ashpg: drift in blog_repo: 2 of 2 schema(s) drifted (4 difference(s))'

// 9, 10: a misspelt property and a sample without tenants are errors
expect 'unknown property ashpg.drift.sampel; did you mean ashpg.drift.sample?'
expect 'ashpg: ashpg.drift.sample and ashpg.drift.seed pick tenants; add -Dashpg.tenants'

// 12: undone by hand: in sync again
assert log.count('ashpg: blog_repo: no drift in 3 schema(s)') >= 2 : 'no clean check after the undo'

// 13: a generated, unapplied migration is pending, not drift
expect 'ashpg: blog_repo schema public: 1 migration(s) pending; compared with the snapshots before '
expect 'ashpg: blog_repo: no drift in 3 schema(s), 1 pending'
