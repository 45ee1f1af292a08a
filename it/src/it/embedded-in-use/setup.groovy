// Another build uses the embedded PostgreSQL of target/ashpg/postgres: this JVM starts it the way a goal does and
// keeps it until the build under test says that it waits (or three minutes passed), then stops it as Maven would.
import io.ashpg.maven.embedded.EmbeddedServer
import java.nio.file.Paths

def archive = getClass().classLoader.getResource('postgres-linux-x86_64.txz').toString()
def jar = Paths.get(new URI(archive.substring('jar:'.length(), archive.indexOf('!/'))))
def data = new File(basedir, 'target/ashpg/postgres').toPath()
EmbeddedServer.startOrReuse(data, jar, { })
def buildLog = new File(basedir, 'build.log')
def other = Thread.start('other-build') {
  try {
    long deadline = System.currentTimeMillis() + 180_000
    while (System.currentTimeMillis() < deadline
        && !(buildLog.exists() && buildLog.text.contains('waiting for another ashpg goal using'))) {
      sleep 100
    }
  } finally {
    EmbeddedServer.stopAll()
  }
}
context.put('otherBuild', other)
true
