package io.ashpg.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a Citus cluster: the class gets a fresh database on the local cluster of
 * {@link CitusCluster} (coordinator + 2 workers, started once per JVM), injected as a {@link CitusDatabase}
 * parameter, or as a {@link TestDatabase} parameter meaning the coordinator's database. Do not combine with
 * {@link WithPostgres}.
 *
 * <p>Tagged {@code citus}: the default build leaves these tests out; {@code -Dgroups=citus} runs them. Where Citus
 * is not installed they are skipped, with a reason that says how to install it
 * ({@code -Dashpg.test.citus.bindir=none} skips them on purpose).
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CitusExtension.class)
@Tag("citus")
public @interface WithCitus {
}
