// What a build killed with kill -9 leaves behind: the embedded PostgreSQL of target/ashpg/postgres still running,
// with data in it, and no build holding the directory. zonky creates the cluster and stores a row; then the server
// is started again the way zonky starts it, but by nobody who holds the directory.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import io.zonky.test.db.postgres.util.LinuxUtils

def data = new File(basedir, 'target/ashpg/postgres')
def pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()
int port = pg.port
def props = new Properties()
props.setProperty('user', 'postgres')
def c = new org.postgresql.Driver().connect("jdbc:postgresql://localhost:${port}/postgres".toString(), props)
try {
  c.createStatement().execute('CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)')
} finally {
  c.close()
}
long zonkyPid = new File(data, 'postmaster.pid').readLines()[0].trim() as long
def postgres = ProcessHandle.of(zonkyPid).get().info().command().get()
pg.close()

// as root, PostgreSQL runs only in a user namespace of its own (what zonky does too)
def command = (LinuxUtils.isUnshareAvailable() ? ['unshare', '-U'] : []) + [postgres, '-D', data.path, '-p', "$port".toString(), '-F']
def server = new ProcessBuilder(command).redirectErrorStream(true)
    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(basedir, 'target/ashpg/postgres.log'))).start()
long deadline = System.currentTimeMillis() + 60_000
while (!new File(data, 'postmaster.pid').exists() || new File(data, 'postmaster.pid').readLines().size() < 8
    || !new File(data, 'postmaster.pid').readLines()[7].contains('ready')) {
  assert server.alive && System.currentTimeMillis() < deadline : new File(basedir, 'target/ashpg/postgres.log').text
  sleep 100
}
context.put('leftRunningPid', server.pid())
true
