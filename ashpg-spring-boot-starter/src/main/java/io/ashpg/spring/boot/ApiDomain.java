package io.ashpg.spring.boot;

import io.ashpg.resource.Api;
import io.ashpg.resource.Domain;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the application's {@link Domain} from its {@link Api} beans and the Api classes {@code ashpg.apis} lists. */
final class ApiDomain {

  private ApiDomain() {
  }

  /**
   * The Domain of {@code beans} and of an instance of each of {@code classes} not already among the beans.
   *
   * @throws IllegalStateException naming the fix when there is no Api at all, or a listed class is not a usable Api
   */
  static Domain build(List<Api> beans, List<Class<? extends Api>> classes) {
    List<Api> apis = new ArrayList<>(beans);
    Set<Class<?>> seen = new LinkedHashSet<>();
    beans.forEach(api -> seen.add(api.getClass()));
    for (Class<? extends Api> type : classes) {
      if (seen.add(type)) {
        apis.add(instantiate(type));
      }
    }
    if (apis.isEmpty()) {
      throw new IllegalStateException("ashpg has no Api to build its Domain from: declare a bean implementing "
          + Api.class.getName() + ", or list Api classes in the property ashpg.apis (e.g. ashpg.apis="
          + "com.example.shop.Shop), or switch the auto-configuration off with ashpg.enabled=false");
    }
    return Domain.build(apis.toArray(Api[]::new));
  }

  private static Api instantiate(Class<?> type) {
    String where = "ashpg.apis lists " + type.getName();
    if (!Api.class.isAssignableFrom(type)) {
      throw new IllegalStateException(where + ", which does not implement " + Api.class.getName()
          + "; list only classes that implement it");
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalStateException(where + ", which is not a public, non-abstract class; make it one, or declare"
          + " the Api as a bean instead");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return (Api) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(where + ", which has no public no-arg constructor; add one, or declare the Api"
          + " as a bean instead", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(where + ", whose constructor failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(where + ", which cannot be instantiated: " + e, e);
    }
  }
}
