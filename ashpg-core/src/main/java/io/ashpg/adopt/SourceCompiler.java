package io.ashpg.adopt;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the running JDK's compiler. Adopting compiles what it wrote before it builds
 * snapshots from it: the snapshots then come from exactly the classes the project will compile, and a source that
 * would not compile is an error at once, not in the user's next build.
 */
public final class SourceCompiler {

  private SourceCompiler() {
  }

  /**
   * Compiles {@code sources} against {@code classpath} into {@code classesDir}.
   *
   * @throws IllegalStateException when no compiler is available (a JRE instead of a JDK), or with every compiler
   *                               error, naming file and line, when the sources do not compile
   */
  public static void compile(List<SourceFile> sources, List<Path> classpath, Path classesDir) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler in this Java runtime (" + System.getProperty("java.home")
          + "); run with a JDK, not a JRE");
    }
    Files.createDirectories(classesDir);
    List<JavaFileObject> units = new ArrayList<>();
    for (SourceFile s : sources) {
      units.add(new SimpleJavaFileObject(URI.create("string:///" + s.path()), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return s.content();
        }
      });
    }
    List<String> options = List.of("-d", classesDir.toString(), "-classpath", classpath.stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator)), "-proc:none", "--release", "17", "-encoding", "UTF-8");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok = compiler.getTask(null, null, diagnostics, options, null, units).call();
    if (!ok) {
      String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> (d.getSource() == null ? "" : d.getSource().getName().substring(1) + ":" + d.getLineNumber()
              + ": ") + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
      throw new IllegalStateException("the generated sources do not compile:\n" + errors);
    }
  }
}
