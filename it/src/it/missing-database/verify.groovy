def pg = context.server
try {
  def text = new File(basedir, 'build.log').text
  def builds = text.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).findAll { it.contains('Finished at:') }
  assert builds.size() == 4 : "expected 4 builds, found " + builds.size()
  for (n in [0, 1, 2]) {
    assert builds[n].contains('BUILD FAILURE')
    assert builds[n].contains('database "shop_it" does not exist') : "build " + (n + 1) + ": " + builds[n]
    assert builds[n].contains('run mvn ashpg:create first') : "build " + (n + 1) + " lacks the hint: " + builds[n]
  }
  assert builds[3].contains('BUILD SUCCESS')
  assert builds[3].contains('ashpg: database of repo shop_repo created')
  assert builds[3].contains('ashpg: shop_repo schema public: applied [20240101000000, 20240102000000]')

  // the first line of every goal names the server, the database and the user, but no password
  def target = "ashpg: repo shop_repo: using jdbc:postgresql://localhost:${pg.port}/shop_it?ApplicationName=ashpg-it&password=*** as postgres (ashpg.url)".toString()
  def lines = text.readLines()
  def headers = lines.findIndexValues { it =~ /--- ashpg:[^:]+:(create|migrate|status) / }
  assert headers.size() == 6 : 'goal headers: ' + headers.size()
  for (i in headers) {
    def first = lines.drop((int) i + 1).find { it.startsWith('[') }
    assert first == '[INFO] ' + target : 'first line after ' + lines[(int) i] + ' is ' + first
  }
  assert !text.contains('url-secret-1') : 'the password in the URL was printed'
  assert !text.contains('property-secret-2') : 'ashpg.password was printed'

  def props = new Properties()
  props.setProperty('user', 'postgres')
  def c = new org.postgresql.Driver().connect("jdbc:postgresql://localhost:${pg.port}/shop_it".toString(), props)
  try {
    def rs = c.createStatement().executeQuery('SELECT count(*) FROM public.schema_migrations')
    rs.next()
    assert rs.getLong(1) == 2L
  } finally {
    c.close()
  }
} finally {
  pg?.close()
}
