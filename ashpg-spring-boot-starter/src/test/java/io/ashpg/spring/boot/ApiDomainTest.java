package io.ashpg.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import io.ashpg.spring.boot.store.Stores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Domain from Api beans and {@code ashpg.apis}, and the errors naming a listed class that cannot serve. */
class ApiDomainTest {

  @Test
  void aClassListedAndDeclaredAsABeanCountsOnce() {
    assertThat(ApiDomain.build(List.of(new Stores()), List.of(Stores.class)).resources())
        .containsExactly(Stores.STORE, Stores.PRODUCT, Stores.ITEM);
  }

  /** Not public: ashpg.apis cannot instantiate it. */
  static final class Hidden implements Api {
    @Override
    public List<Resource> resources() {
      return List.of();
    }
  }

  /** No no-arg constructor. */
  public static final class NeedsArgument implements Api {
    public NeedsArgument(String ignored) {
    }

    @Override
    public List<Resource> resources() {
      return List.of();
    }
  }

  /** A constructor that throws. */
  public static final class Broken implements Api {
    public Broken() {
      throw new IllegalStateException("no resources today");
    }

    @Override
    public List<Resource> resources() {
      return List.of();
    }
  }

  @Test
  void aListedClassThatCannotBeInstantiatedIsNamedWithTheFix() {
    assertThatThrownBy(() -> ApiDomain.build(List.of(), List.of(Hidden.class)))
        .hasMessageContaining("ashpg.apis lists " + Hidden.class.getName() + ", which is not a public, non-abstract class");
    assertThatThrownBy(() -> ApiDomain.build(List.of(), List.of(NeedsArgument.class)))
        .hasMessageContaining("which has no public no-arg constructor; add one, or declare the Api as a bean");
    assertThatThrownBy(() -> ApiDomain.build(List.of(), List.of(Broken.class)))
        .hasMessageContaining(Broken.class.getName() + ", whose constructor failed")
        .hasMessageContaining("no resources today");
  }
}
