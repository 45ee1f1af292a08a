package io.ashpg.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own fresh database on the local Citus cluster (see {@link WithCitus}) and injects it
 * as a {@link CitusDatabase}, or its coordinator side as a {@link TestDatabase}. The database is dropped on every
 * node after the class's last test. Without Citus every test is skipped with the reason (see
 * {@link CitusInstallation#NOT_INSTALLED}), not failed.
 */
public final class CitusExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CitusExtension.class);

  /**
   * Skips the class when Citus is absent: a disabled condition (unlike an assumption failing in a callback, which
   * aborts the class and shows in surefire's counts as no test at all) reports every test as skipped, with the
   * reason. Decided before the test instance exists, so no constructor asks for a database that cannot exist.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (CitusCluster.installation().isEmpty()) {
      return ConditionEvaluationResult.disabled(CitusInstallation.NOT_INSTALLED);
    }
    return ConditionEvaluationResult.enabled("Citus is installed");
  }

  /** Starts the cluster and creates the database before the first test, so no test's time includes that. */
  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  private static CitusDatabase database(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return PostgresExtension.classContext(context).getStore(NS).getOrComputeIfAbsent(testClass,
        c -> CitusCluster.local().createDatabase(testClass.getSimpleName()), CitusDatabase.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == CitusDatabase.class || type == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    CitusDatabase db = database(extensionContext);
    return parameterContext.getParameter().getType() == TestDatabase.class ? db.coordinator() : db;
  }
}
