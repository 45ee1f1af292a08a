def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
try {
  // the application ran, read and wrote
  expect 'consumer: first run applied [20240101000000] in 1 schema(s)'
  expect 'consumer: second run applied [20240101000001] in schemas [org_1]'
  expect 'consumer: product Anvil costs 9.50; org_1 has 2 order(s), 1 with quantity > 3'
  expect 'consumer: third run applied []'
  expect 'consumer: done'
  assert !log.contains('BUILD FAILURE')

  // nothing but ashpg-core and what it brings on the runtime class path
  // lines read group:artifact:type:version:scope:path -- module …
  def deps = new File(basedir, 'target/runtime-dependencies.txt').readLines()
      .collect { it.trim() }.findAll { it ==~ /[\w.\-]+:[\w.\-]+:jar:.*/ }
      .collect { it.split(' -- ')[0].split(':', 6) }
  def coordinates = deps.collect { it[0] + ':' + it[1] } as Set
  assert coordinates == ['io.ashpg:ashpg-core', 'org.postgresql:postgresql', 'org.checkerframework:checker-qual',
      'com.zaxxer:HikariCP', 'org.slf4j:slf4j-api', 'com.google.code.gson:gson',
      'com.google.errorprone:error_prone_annotations'] as Set : coordinates
  def classPath = log.readLines().find { it.startsWith('consumer: class path ') }.substring('consumer: class path '.length())
      .split(File.pathSeparator) as List
  def jars = deps.collect { it[5] }
  assert classPath.findAll { !jars.contains(it) } == [new File(basedir, 'target/classes').path] : classPath
  assert jars.every { classPath.contains(it) } : jars

  // what the application wrote is in the database
  def props = new Properties()
  props.setProperty('user', 'postgres')
  def c = new org.postgresql.Driver().connect("jdbc:postgresql://localhost:${context.get('postgres').port}/shop".toString(), props)
  try {
    def rs = c.createStatement().executeQuery('SELECT sum(o.quantity), min(p.title) FROM org_1.orders o JOIN public.products p ON p.id = o.product_id')
    assert rs.next() && rs.getLong(1) == 7 && rs.getString(2) == 'Anvil'
  } finally {
    c.close()
  }

  // HikariCP logs through SLF4J; without a provider SLF4J says so once, as the production page explains
  expect 'SLF4J(W): No SLF4J providers were found.'
} finally {
  context.get('postgres')?.close()
}
