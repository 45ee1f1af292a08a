// Starts a PostgreSQL for the application (which has no ashpg plugin and no ashpg-testing) and hands its URL to
// the build through a properties file; verify.groovy stops it.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

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
def props = new File(basedir, 'target/it-db.properties')
props.text = "it.db.url=jdbc:postgresql://localhost:${pg.port}/shop\nit.db.user=postgres\n"
true
