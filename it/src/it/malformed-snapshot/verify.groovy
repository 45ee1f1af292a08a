def log = new File(basedir, 'build.log').text
def firstError = log.readLines().find { it.startsWith('[ERROR]') }
assert firstError != null
assert firstError.contains('20240101000000.json') : 'the error does not name the file: ' + firstError
// nothing written
assert !new File(basedir, 'src/main/resources/db').exists() : 'migrations were written despite the bad snapshot'
assert new File(basedir, 'src/main/ashpg/resource_snapshots/blog_repo').list().toList() == ['posts']
