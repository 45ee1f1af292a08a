def AdoptDb = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'AdoptDb.groovy'))
try {
  def log = new File(basedir, 'build.log').text
  def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
  ['User', 'Follow', 'Article', 'Tag', 'ArticleTag', 'Favorite', 'Comment', 'Conduit', 'ConduitRepo'].each {
    expect "ashpg: wrote src/main/java/it/conduit/${it}.java"
  }
  expect 'ashpg: wrote src/main/resources/db/conduit_repo/migrations/'
  expect 'ashpg: table public.tags: unique constraint tags_name_key is kept as a custom statement'
  expect 'ashpg: No changes detected'
  expect 'as applied in jdbc:postgresql://'
  expect 'ashpg: conduit_repo: already up to date, nothing to migrate'
  expect 'ashpg: conduit_repo schema public: applied ['
  expect 'refusing to overwrite existing source files'
  expect '-Dashpg.force'

  def source = { String name -> new File(basedir, "src/main/java/it/conduit/${name}.java").text }
  assert source('User').contains('.hasMany("follows_as_follower", "follow", rel -> rel.destinationAttribute("follower_id"))')
  assert source('Article').contains('.reference("author", ref -> ref.onDelete(OnDelete.DELETE).index(true))')
  assert source('ArticleTag').contains('.belongsTo("article", "article", b -> b.attributeType(Type.INTEGER).primaryKey(true).allowNil(false))')
  assert source('Comment').contains('.belongsTo("parent", "comment", b -> b.attributeType(Type.INTEGER))')
  assert new File(basedir, 'target/classes/it/conduit/Article.class').exists()
  assert new File(basedir, 'src/main/ashpg/resource_snapshots/conduit_repo/articles').listFiles().size() == 1

  def differences = AdoptDb.compare(context)
  assert differences.isEmpty() : differences.join('\n')
} finally {
  AdoptDb.stop(context)
}
