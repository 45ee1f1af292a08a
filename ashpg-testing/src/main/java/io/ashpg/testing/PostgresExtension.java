package io.ashpg.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own fresh database (see {@link WithPostgres}) and injects it as a
 * {@link TestDatabase} parameter into constructors, lifecycle methods and test methods.
 * The database is dropped after the class's last test.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  private static TestDatabase database(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return classContext(context).getStore(NS).getOrComputeIfAbsent(testClass,
        c -> TestPostgres.createDatabase(testClass.getSimpleName()), TestDatabase.class);
  }

  /**
   * The context of the test class itself (not of a method, nor of an enclosing class for a {@code @Nested} one):
   * its store lives exactly as long as the class's database should.
   */
  static ExtensionContext classContext(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = context;
    while (classContext.getTestClass().orElse(null) != testClass || classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().orElseThrow();
    }
    return classContext;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    return database(extensionContext);
  }
}
