// The existing database an adopt-* IT adopts: setUp starts a PostgreSQL of its own, creates the database "adopted"
// from the case's schema.sql and an empty "fresh" one, and hands their URLs to the build through properties files;
// compare reads both catalogs (ashpg's CatalogReader) and lists every difference field by field; stop ends it.
import io.ashpg.migration.introspect.CatalogComparison
import io.ashpg.migration.introspect.CatalogReader
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

class AdoptDb {
  static void setUp(File basedir, Map context) {
    new File(basedir, 'target').mkdirs()
    // the server's chatter goes next to its data, not into the build log
    def serverLog = ProcessBuilder.Redirect.appendTo(new File(basedir, 'target/postgres.log'))
    def pg = EmbeddedPostgres.builder()
        .setOutputRedirector(serverLog)
        .setErrorRedirector(serverLog)
        .setDataDirectory(new File(basedir, 'target/postgres'))
        .setCleanDataDirectory(true)
        .start()
    context.put('postgres', pg)
    withConnection(pg.port, 'postgres') { c ->
      c.createStatement().execute('CREATE DATABASE adopted')
      c.createStatement().execute('CREATE DATABASE fresh')
    }
    withConnection(pg.port, 'adopted') { c -> c.createStatement().execute(new File(basedir, 'schema.sql').text) }
    new File(basedir, 'target/adopted-db.properties').text =
        "ashpg.url=jdbc:postgresql://localhost:${pg.port}/adopted\nashpg.username=postgres\n"
    new File(basedir, 'target/fresh-db.properties').text =
        "ashpg.url=jdbc:postgresql://localhost:${pg.port}/fresh\nashpg.username=postgres\n"
  }

  /** Every difference between the adopted schema and the one the generated migrations built, as text. */
  static List<String> compare(Map context) {
    int port = context.get('postgres').port
    def original = withConnection(port, 'adopted') { c -> CatalogReader.of(c).read('public') }
    def rebuilt = withConnection(port, 'fresh') { c -> CatalogReader.of(c).read('public') }
    assert !original.tables().isEmpty()
    assert original.tables().keySet() == rebuilt.tables().keySet() : rebuilt.tables().keySet()
    CatalogComparison.strict().compare(original, rebuilt).collect { it.toString() }
  }

  static void stop(Map context) {
    context.get('postgres')?.close()
  }

  static <T> T withConnection(int port, String database, Closure<T> work) {
    def props = new Properties()
    props.setProperty('user', 'postgres')
    // the driver directly: DriverManager does not see drivers of the script's class loader
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://localhost:${port}/${database}".toString(), props)
    try {
      return work(c)
    } finally {
      c.close()
    }
  }
}
