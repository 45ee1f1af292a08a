def AdoptDb = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'AdoptDb.groovy'))
try {
  def log = new File(basedir, 'build.log').text
  def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
  ['Account', 'Project', 'Task', 'TypeResource', 'Edges', 'EdgesRepo'].each {
    expect "ashpg: wrote src/main/java/it/edges/${it}.java"
  }
  expect 'ashpg: table public.accounts: unique constraint accounts_region_code_key is kept as a custom statement'
  expect 'ashpg: No changes detected'
  expect 'refusing to overwrite existing source files: src/main/java/it/edges/Account.java'
  expect 'ashpg: give the Java package of the generated classes with -Dashpg.package=com.acme.app'

  def source = { String name -> new File(basedir, "src/main/java/it/edges/${name}.java").text }
  def project = source('Project')
  assert project.contains('.matchWith(Map.of("account_code", "code"))')
  assert project.contains('.matchType(MatchType.FULL)')
  assert project.contains('.where("ends_on IS NULL")')
  assert project.contains('.fields("to_tsvector(\'english\'::regconfig, title)")')
  assert source('Account').contains('.identityWhereToSql("live_code", "deleted_at IS NULL")')
  assert source('Task').contains('.attribute("display_name", Type.STRING, a -> a.source("Display Name"))')
  assert source('TypeResource').contains('public final class TypeResource {')

  def differences = AdoptDb.compare(context)
  assert differences.isEmpty() : differences.join('\n')
} finally {
  AdoptDb.stop(context)
}
