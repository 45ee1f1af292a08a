package io.ashpg.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Loads the project's classes (resources, Apis, Repos) through a fresh class loader over the project's class
 * path, whose parent is the plugin's loader so both sides share ashpg-core's classes. It is the thread's context
 * loader while the work runs and is closed afterwards, so nothing of the project leaks into the next goal.
 */
final class ProjectClassLoader {

  private ProjectClassLoader() {
  }

  /** Work that runs with the project's classes. */
  @FunctionalInterface
  interface Work {
    void run() throws MojoExecutionException, MojoFailureException;
  }

  /** Runs {@code work} with the project's class path as the context class loader. */
  static void with(List<String> classpathElements, ClassLoader parent, Work work)
      throws MojoExecutionException, MojoFailureException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpathElements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("class path element " + element + " is not a valid path", e);
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("ashpg-project", urls.toArray(URL[]::new), parent)) {
      thread.setContextClassLoader(loader);
      work.run();
    } catch (IOException e) {
      throw new MojoExecutionException("could not close the project class loader", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
