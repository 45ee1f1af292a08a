package io.ashpg.maven;

import io.ashpg.adopt.Adoption;
import io.ashpg.adopt.SchemaAdopter;
import io.ashpg.adopt.SourceCompiler;
import io.ashpg.migration.generate.GeneratedFile;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.run.BaselineRecord;
import io.ashpg.repo.Repo;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Adopts an existing database: reads one schema and writes a resource class per table, an Api and a Repo into the
 * project's sources, then the snapshots of that state and a baseline migration that creates it (for new
 * databases), so the next {@code generate-migrations} says "No changes detected". What the DSL cannot state is kept
 * as custom statements and listed as warnings. Existing source files are never overwritten without
 * {@code -Dashpg.force}.
 *
 * <pre>
 * mvn ashpg:generate-resources -Dashpg.url=jdbc:postgresql://localhost/app -Dashpg.package=com.acme.app
 * </pre>
 */
@Mojo(name = "generate-resources", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GenerateResourcesMojo extends AbstractGeneratorMojo {

  /** Java package of the generated classes, e.g. {@code com.acme.app}. Required. */
  @Parameter(property = "ashpg.package")
  protected String javaPackage;

  /** The schema to adopt. */
  @Parameter(property = "ashpg.schema", defaultValue = "public")
  protected String schema;

  /** Where the sources go. */
  @Parameter(property = "ashpg.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
  protected File sourceDirectory;

  /** Name of the Api class (default: the package's last part, {@code com.acme.app} → {@code App}). */
  @Parameter(property = "ashpg.apiName")
  protected String apiName;

  /** Name of the Repo class (default: the Api's name with {@code Repo}); snapshots and migrations go under it. */
  @Parameter(property = "ashpg.repoName")
  protected String repoName;

  /** Overwrite source files that already exist. */
  @Parameter(property = "ashpg.force", defaultValue = "false")
  protected boolean force;

  /** Name of the baseline migration; the version is prepended. */
  @Parameter(property = "ashpg.name", defaultValue = "adopt")
  protected String name;

  /**
   * Record the baseline migration as applied in the adopted database (its objects exist there already), so
   * {@code ashpg:migrate} on it does not try to create them again. This is the goal's only write to the database.
   */
  @Parameter(property = "ashpg.markApplied", defaultValue = "false")
  protected boolean markApplied;

  /** Stands in for the Repo not written yet: it only names the database the settings point at. */
  private static final class AdoptedDatabase extends Repo {
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (javaPackage == null || javaPackage.isBlank()) {
      throw new MojoFailureException("ashpg: give the Java package of the generated classes with"
          + " -Dashpg.package=com.acme.app");
    }
    SchemaAdopter adopter;
    try {
      adopter = SchemaAdopter.of(javaPackage.trim()).withSchema(schema);
      if (apiName != null) {
        adopter = adopter.withApiName(apiName.trim());
      }
      if (repoName != null) {
        adopter = adopter.withRepoName(repoName.trim());
      }
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: " + e.getMessage());
    }
    Optional<DatabaseTarget> target = target(new AdoptedDatabase());
    if (target.isEmpty()) {
      throw new MojoFailureException("ashpg: generate-resources reads an existing database: name it with"
          + " -Dashpg.url=jdbc:postgresql://host/database (and -Dashpg.username, or -Dashpg.serverId)");
    }
    DatabaseTarget db = target.get();
    Adoption adoption;
    try {
      adoption = adopter.adopt(db.url(), db.username(), db.password());
    } catch (SQLException e) {
      throw new MojoExecutionException("ashpg: could not read schema " + schema + " of " + db + ": "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: " + e.getMessage());
    }
    List<Path> existing = adoption.existing(sourceDirectory.toPath());
    if (!existing.isEmpty() && !force) {
      throw new MojoFailureException("ashpg: refusing to overwrite existing source files: " + String.join(", ",
          existing.stream().map(this::relative).toList()) + "; move them away, choose another -Dashpg.package, or"
          + " overwrite them with -Dashpg.force");
    }
    List<Path> written;
    try {
      written = adoption.write(sourceDirectory.toPath(), true);
    } catch (IOException e) {
      throw new MojoExecutionException("ashpg: could not write the sources: " + e.getMessage(), e);
    }
    written.forEach(p -> getLog().info("ashpg: wrote " + relative(p)));
    adoption.warnings().forEach(w -> getLog().warn("ashpg: " + w));
    List<Path> baseline = generateBaseline(adoption);
    if (markApplied && !baseline.isEmpty()) {
      try {
        List<Long> recorded = BaselineRecord.record(db.url(), db.username(), db.password(), "public", baseline);
        getLog().info("ashpg: recorded the baseline " + recorded + " as applied in " + db.url());
      } catch (SQLException | IOException e) {
        throw new MojoExecutionException("ashpg: could not record the baseline as applied in " + db + ": "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * Compiles the written sources and generates from them, with their Api, the snapshots and the baseline migration
   * (the same generator {@code generate-migrations} runs, so its next run finds no changes).
   */
  private List<Path> generateBaseline(Adoption adoption) throws MojoExecutionException, MojoFailureException {
    Path classes = Path.of(project.getBuild().getDirectory(), "ashpg", "adopted-classes");
    List<Path> classpath;
    try {
      classpath = project.getCompileClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's dependencies are not resolved", e);
    }
    try {
      deleteRecursively(classes);
      SourceCompiler.compile(adoption.files(), classpath, classes);
    } catch (IOException e) {
      throw new MojoExecutionException("ashpg: could not compile the generated sources: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new MojoExecutionException("ashpg: " + e.getMessage() + "\n(does the project depend on ashpg-core?)", e);
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    List<String> configuredApis = apis;
    try (URLClassLoader loader = new URLClassLoader("ashpg-adopted", new URL[] {classes.toUri().toURL()},
        previous)) {
      thread.setContextClassLoader(loader);
      apis = List.of(adoption.apiClass());
      GenerationResult result = generate(options(false, name, false, false));
      result.warnings().forEach(w -> getLog().warn("ashpg: " + w));
      for (GeneratedFile file : result.files()) {
        getLog().info("ashpg: wrote " + relative(file.path()));
      }
      List<Path> migrations = result.migrations().stream().map(GeneratedFile::path)
          .filter(p -> p.toString().endsWith(".sql")).toList();
      if (!migrations.isEmpty() && !markApplied) {
        getLog().info("ashpg: the baseline migration creates the adopted schema in new databases; in the adopted"
            + " database, where it exists already, record it as applied (-Dashpg.markApplied)");
      }
      return migrations;
    } catch (MalformedURLException e) {
      throw new MojoExecutionException("ashpg: " + classes + " is not a valid path", e);
    } catch (IOException e) {
      throw new MojoExecutionException("ashpg: could not close the class loader of the adopted classes", e);
    } finally {
      apis = configuredApis;
      thread.setContextClassLoader(previous);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
