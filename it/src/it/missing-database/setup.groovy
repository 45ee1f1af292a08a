// A PostgreSQL of this IT's own, reached through -Dashpg.url the way a real server is. Its URL reaches the builds
// through the invoker's user properties; it names a database that does not exist yet and carries a password that
// must never appear in the log. verify.groovy gets the same context and stops the server (should it not run, the
// server's shutdown hook does).
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

def pg = EmbeddedPostgres.builder()
    .setDataDirectory(new File(basedir, 'target/it-server'))
    .setCleanDataDirectory(true)
    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
    .start()
context.server = pg
context.userProperties.setProperty('ashpg.url',
    "jdbc:postgresql://localhost:${pg.port}/shop_it?ApplicationName=ashpg-it&password=url-secret-1".toString())
context.userProperties.setProperty('ashpg.username', 'postgres')
context.userProperties.setProperty('ashpg.password', 'property-secret-2')
