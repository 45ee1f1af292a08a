// one build log holds every invocation; split it so each assertion looks at its own build
def builds = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).findAll { it.contains('Finished at:') }
assert builds.size() == 9 : "expected 9 builds, found " + builds.size()
def expect = { int n, String text ->
  def b = builds[n - 1]
  assert b.contains('BUILD FAILURE') : "build " + n + " did not fail"
  assert b.contains(text) : "build " + n + " lacks: " + text + "\n" + b
}
expect 1, 'ashpg.url is set but empty'
expect 2, 'settings.xml server it-db (ashpg.serverId) has no URL'
expect 2, '<configuration><url>'
expect 3, 'settings.xml has no <server> with id no_such_server (ashpg.serverId)'
expect 4, 'ashpg.username is set, but no database URL is'
expect 5, 'ashpg.embedded=false'
expect 5, 'no database is configured for repo shop_repo'
expect 6, '<repos> entry shop names no repo of the Apis'
expect 6, 'shop_repo'
expect 7, '<repos> entry shop_repo has no <url>'
expect 8, "ashpg.url 'postgres://db.example/shop' is not a PostgreSQL JDBC URL"
expect 9, 'ashpg: repo shop_repo: using jdbc:postgresql://127.0.0.1:3/from_settings as it_user (settings.xml server it-db-url)'
assert !builds.any { it.contains('using the embedded PostgreSQL') } : 'the embedded default was used'
assert !new File(basedir, 'target/ashpg/postgres').exists() : 'the embedded database was started'
assert !builds.any { it.contains('it_secret') } : 'a password was printed'
