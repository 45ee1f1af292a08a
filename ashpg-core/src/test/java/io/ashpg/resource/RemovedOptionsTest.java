package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Options that were accepted but had no effect are gone from the API (the DSL page says why): an action's
 * {@code primary} flag (actions are always called by name) and a custom statement's {@code code} flag (AshPostgres'
 * {@code code?} means Elixir code; ashpg migrations are SQL).
 */
class RemovedOptionsTest {

  private static boolean hasMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
  }

  private static boolean hasComponent(Class<?> record, String name) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).anyMatch(name::equals);
  }

  @Test
  void actionsHaveNoPrimaryFlag() {
    assertThat(hasMethod(ActionBuilder.class, "primary")).isFalse();
    assertThat(hasComponent(Action.class, "primary")).isFalse();
  }

  @Test
  void customStatementsHaveNoCodeFlag() {
    assertThat(hasMethod(CustomStatementBuilder.class, "code")).isFalse();
    assertThat(hasComponent(CustomStatement.class, "code")).isFalse();
  }
}
