// Starts a PostgreSQL for the application (which has no ashpg plugin and no ashpg-testing) and hands its URL to
// the build through a properties file; verify.groovy stops it.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

def pg = EmbeddedPostgres.builder()
    .setDataDirectory(new File(basedir, 'target/postgres'))
    .setCleanDataDirectory(true)
    .start()
context.put('postgres', pg)
def props = new File(basedir, 'target/it-db.properties')
props.parentFile.mkdirs()
props.text = "it.db.url=jdbc:postgresql://localhost:${pg.port}/shop\nit.db.user=postgres\n"
true
