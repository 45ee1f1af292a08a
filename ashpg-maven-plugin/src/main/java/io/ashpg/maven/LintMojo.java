package io.ashpg.maven;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.safety.LintFinding;
import io.ashpg.migration.safety.LintOptions;
import io.ashpg.migration.safety.LintRule;
import io.ashpg.migration.safety.MigrationLinter;
import io.ashpg.migration.safety.Severity;
import io.ashpg.repo.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lints the migration files of every repo (public and tenant migrations, generated and hand-written) for steps that
 * take production down: locks held during scans and rewrites, index builds that block writes, renames and drops that
 * break the code still running, CONCURRENTLY inside a transaction. Prints one line per finding, naming file, line and
 * rule ({@code ashpg:<rule>}), with the safe alternative; {@code -Dashpg.lint.fail} fails the build on findings of at
 * least {@code ashpg.lint.failOn} (default warning). A comment {@code -- ashpg:lint-ignore <rule>} above a statement
 * (or before {@code -- ashpg:up}, for the whole file) accepts a finding. Needs no database. The rules are listed on the
 * site's zero-downtime page.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class LintMojo extends AbstractAshpgMojo {

  /** Fail the build when a finding is at least as severe as {@code ashpg.lint.failOn}. */
  @Parameter(property = "ashpg.lint.fail", defaultValue = "false")
  protected boolean fail;

  /** The least severity that fails the build with {@code ashpg.lint.fail}: {@code info}, {@code warning} or {@code error}. */
  @Parameter(property = "ashpg.lint.failOn", defaultValue = "warning")
  protected String failOn;

  /** Rules not reported in this project, e.g. {@code -Dashpg.lint.skipRules=drop-index-non-concurrent,rename-column}. */
  @Parameter(property = "ashpg.lint.skipRules")
  protected List<String> skipRules;

  /**
   * Folders (relative to the project) to lint instead of the repos' migration folders; with it no Apis are needed.
   * Each folder is linted on its own, its files in version order.
   */
  @Parameter(property = "ashpg.lint.paths")
  protected List<String> paths;

  /**
   * The lock timeout the migrator runs with (as for {@code ashpg:migrate}); {@code 0} says it runs without one, and
   * then files that take ACCESS EXCLUSIVE locks without setting their own get {@code missing-lock-timeout}.
   */
  @Parameter(property = "ashpg.lockTimeout")
  protected String lockTimeout;

  @Override
  protected boolean createsEmbeddedDatabase() {
    return false;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: ashpg.lint.failOn: " + e.getMessage());
    }
    // the migrator runs with a lock timeout unless told 0
    boolean migratorTimeout = LockTimeoutParameter.parse(lockTimeout).map(t -> !t.isZero()).orElse(true);
    MigrationLinter linter = new MigrationLinter(
        LintOptions.DEFAULTS.withMigratorLockTimeout(migratorTimeout).disable(skipped()));
    List<LintFinding> findings = new ArrayList<>();
    int files = 0;
    for (Path folder : folders()) {
      List<MigrationLinter.Source> sources = sources(folder);
      files += sources.size();
      try {
        findings.addAll(linter.lint(sources));
      } catch (MigrationException e) {
        throw new MojoFailureException("ashpg: " + e.getMessage());
      }
    }
    for (LintFinding f : findings) {
      switch (f.severity()) {
        case ERROR -> getLog().error(f.format());
        case WARNING -> getLog().warn(f.format());
        default -> getLog().info(f.format());
      }
    }
    List<LintFinding> failing = findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    getLog().info("ashpg: lint: " + files + " migration file(s), " + count(findings, Severity.ERROR) + " error(s), "
        + count(findings, Severity.WARNING) + " warning(s), " + count(findings, Severity.INFO) + " info");
    if (fail && !failing.isEmpty()) {
      StringBuilder message = new StringBuilder("ashpg: " + failing.size() + " lint finding(s) at or above "
          + threshold + " (ashpg.lint.fail):");
      failing.stream().limit(AbstractMigrationMojo.FAILURES_LISTED).forEach(f -> message.append("\n  ")
          .append(f.location()).append(":[").append(f.line()).append("] ").append(f.rule().id()));
      if (failing.size() > AbstractMigrationMojo.FAILURES_LISTED) {
        message.append("\n  … and ").append(failing.size() - AbstractMigrationMojo.FAILURES_LISTED).append(" more");
      }
      message.append("\nUse the safe form the finding names, or accept a finding with a comment '-- "
          + MigrationLinter.IGNORE + " <rule>' above the statement.");
      throw new MojoFailureException(message.toString());
    }
  }

  private static long count(List<LintFinding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  private Set<LintRule> skipped() throws MojoFailureException {
    Set<LintRule> out = EnumSet.noneOf(LintRule.class);
    if (skipRules != null) {
      for (String name : skipRules) {
        if (name.isBlank()) {
          continue;
        }
        out.add(LintRule.named(name).orElseThrow(() -> new MojoFailureException("ashpg: ashpg.lint.skipRules: unknown"
            + " rule '" + name.trim() + "'; known rules: " + LintRule.names())));
      }
    }
    return out;
  }

  /** The folders to lint: the given paths, or every repo's migration and tenant migration folder that exists. */
  private Set<Path> folders() throws MojoExecutionException, MojoFailureException {
    Set<Path> out = new LinkedHashSet<>();
    if (paths != null && !paths.isEmpty()) {
      for (String p : paths) {
        Path dir = project.getBasedir().toPath().resolve(p.trim());
        if (!Files.isDirectory(dir)) {
          throw new MojoFailureException("ashpg: ashpg.lint.paths: " + relative(dir) + " is not a folder; name folders"
              + " holding migration files, relative to the project");
        }
        out.add(dir);
      }
      return out;
    }
    for (Repo repo : domain().repos()) {
      for (String relative : List.of(repo.migrationsPath(), repo.tenantMigrationsPath())) {
        ResourceFolders.existing(project, relative).ifPresent(out::add);
      }
    }
    if (out.isEmpty()) {
      getLog().info("ashpg: no migration folders found under " + relative(ResourceFolders.defaultRoot(project))
          + "; nothing to lint");
    }
    return out;
  }

  /** The {@code .sql} files of {@code folder}, in version (name) order. */
  private List<MigrationLinter.Source> sources(Path folder) throws MojoExecutionException {
    try (Stream<Path> listing = Files.list(folder)) {
      List<MigrationLinter.Source> out = new ArrayList<>();
      for (Path file : listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) {
        out.add(new MigrationLinter.Source(relative(file), file.getFileName().toString(),
            Files.readString(file, StandardCharsets.UTF_8)));
      }
      return out;
    } catch (IOException e) {
      throw new MojoExecutionException("ashpg: cannot read migration folder " + relative(folder) + ": "
          + e.getMessage(), e);
    }
  }
}
