package io.ashpg.maven;

import io.ashpg.migration.generate.GenerationResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the resources changed but migrations were not generated: bind it in {@code verify} (its
 * default phase) so CI catches a forgotten {@code ashpg:generate-migrations}. Writes nothing and needs no database.
 * Dev migrations ({@code -Dashpg.dev}) count as not generated: the build fails while they exist, until a normal
 * {@code ashpg:generate-migrations} squashes them.
 */
@Mojo(name = "check-migrated", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMigratedMojo extends AbstractGeneratorMojo {

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    GenerationResult result = generate(options(false, null, false, true));
    failIfPending(result);
    getLog().debug("ashpg: resources and snapshots agree");
  }
}
