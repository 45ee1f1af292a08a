// Opens a sample project's embedded database (target/ashpg/postgres) after the build, to check what the goals did.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

class Db {
  static <T> T withDatabase(File basedir, String database, Closure<T> work) {
    def pg = EmbeddedPostgres.builder()
        .setDataDirectory(new File(basedir, 'target/ashpg/postgres'))
        .setCleanDataDirectory(false)
        .start()
    try {
      def props = new Properties()
      props.setProperty('user', 'postgres')
      // the driver directly: DriverManager does not see drivers of the script's class loader
      def c = new org.postgresql.Driver().connect("jdbc:postgresql://localhost:${pg.port}/${database}".toString(), props)
      try {
        return work(c)
      } finally {
        c.close()
      }
    } finally {
      pg.close()
    }
  }

  static List<List<Object>> rows(java.sql.Connection c, String sql) {
    def out = []
    def rs = c.createStatement().executeQuery(sql)
    int n = rs.metaData.columnCount
    while (rs.next()) {
      out << (1..n).collect { rs.getObject(it) }
    }
    out
  }
}
