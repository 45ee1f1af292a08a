def log = new File(basedir, 'build.log').text
assert log.contains('127.0.0.1:2') : 'the <repos> URL was not used'
assert log.contains('settings.xml has no <server> with id no_such_server') : 'serverId was not looked up'
assert !log.contains('using the embedded PostgreSQL') : 'the embedded default was used despite <repos>'
assert !log.contains('it_secret') : 'the password was printed'
