def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect 'ashpg: repo blog_repo: cannot generate this change.'
expect 'The public migration would drop primary key orgs_pkey (id) of global table public.orgs'
expect 'tenant table invoices: invoices_org_id_fkey (org_id) → public.orgs (id)'
expect 'ref.ignore(true)'
expect 'Nothing was written'
// a build failure the user can act on (MojoFailureException), not an internal error
expect 'MojoFailureException: ashpg: repo blog_repo: cannot generate this change.'

// only what the first run wrote: no migration, no snapshot of the refused change
def files = []
new File(basedir, 'src').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
def migrations = files.findAll { it.name.endsWith('.sql') }
assert migrations.size() == 3 : 'expected the extensions, public and tenant migrations of the first run: ' + migrations*.name
def orgSnapshots = files.findAll { it.path.contains('resource_snapshots') && it.parentFile.name == 'orgs' }
assert orgSnapshots.size() == 1 : orgSnapshots*.name
assert !orgSnapshots[0].text.contains('guid')
