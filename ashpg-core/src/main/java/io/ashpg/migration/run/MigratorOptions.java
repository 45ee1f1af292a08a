package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a migrate, rollback or status run. Build with {@link #builder()}; every option has a default.
 *
 * @param repoName the repo's name (e.g. {@code blog_repo}); part of the lock key, so two repos on one database do
 *     not block each other
 * @param locations migration locations, see {@link MigrationSource}
 * @param scope how far to go; null means the direction's default ({@link Scope.All} up, one {@link Scope.Step} down)
 * @param prefix schema to migrate instead of {@code public} (created when missing); ignored by tenant runs
 * @param logSql log every statement before it runs
 * @param quiet log nothing but warnings and errors
 * @param strictVersionOrder refuse to apply a pending file older than the newest applied version
 * @param ignoreChecksums apply even though applied files changed (they are still reported)
 * @param poolSize connections in the pool a tenant run opens itself (URL configuration), at least 1; a
 *     single-schema {@link Migrator} uses two connections (lock and work) whatever it is
 * @param parallelism tenant worker threads; 0 means {@code poolSize}
 * @param lockStrategy how concurrent migrators are kept apart
 * @param lockTimeout how long to wait for another migrator's lock before failing
 * @param onlyTenants when not empty, tenant runs touch only these tenants (each must be listed; a {@link Migrator}
 *     refuses options with tenant filters)
 * @param exceptTenants tenant runs skip these tenants (each must be listed)
 * @param citus the database is a Citus cluster ({@link io.ashpg.repo.Repo#citus()}): a tenant run creates a missing
 *     tenant schema as a distributed schema (see {@link TenantSchema}); single-schema runs are not affected
 * @param statementLockTimeout the {@code lock_timeout} every migration runs with (a file may set its own with
 *     {@code -- ashpg:lock-timeout}); zero means none. A statement waiting for a table lock queues every later query
 *     on that table behind it, so it gives up early instead and the migration is tried again ({@link #lockRetries()})
 * @param lockRetries how many times a migration that hit its lock timeout is tried again before the run fails
 * @param lockRetryDelay the wait before the first retry; each further retry waits twice as long as the one before
 */
public record MigratorOptions(String repoName, List<String> locations, Scope scope, String prefix, boolean logSql,
    boolean quiet, boolean strictVersionOrder, boolean ignoreChecksums, int poolSize, int parallelism,
    LockStrategy lockStrategy, Duration lockTimeout, Set<String> onlyTenants, Set<String> exceptTenants,
    boolean citus, Duration statementLockTimeout, int lockRetries, Duration lockRetryDelay) {

  /** Default {@link #statementLockTimeout()}: long enough for catalog-only DDL, short enough not to stall traffic. */
  public static final Duration DEFAULT_STATEMENT_LOCK_TIMEOUT = Duration.ofSeconds(5);
  /** Default {@link #lockRetries()}. */
  public static final int DEFAULT_LOCK_RETRIES = 5;
  /** Default {@link #lockRetryDelay()}. */
  public static final Duration DEFAULT_LOCK_RETRY_DELAY = Duration.ofSeconds(1);

  /** Default repo name, when none is given. */
  public static final String DEFAULT_REPO = "repo";

  public MigratorOptions {
    Objects.requireNonNull(repoName, "repoName");
    if (repoName.isBlank()) {
      throw new IllegalArgumentException("repoName is blank; give the repo's name, e.g. blog_repo");
    }
    locations = List.copyOf(locations);
    if (prefix != null) {
      Identifier.validate(prefix, "prefix");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be 0 (= poolSize) or more, got " + parallelism);
    }
    Objects.requireNonNull(lockStrategy, "lockStrategy");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lockTimeout must not be negative, got " + lockTimeout);
    }
    onlyTenants = Set.copyOf(onlyTenants);
    exceptTenants = Set.copyOf(exceptTenants);
    Objects.requireNonNull(statementLockTimeout, "statementLockTimeout");
    if (statementLockTimeout.isNegative()) {
      throw new IllegalArgumentException("statementLockTimeout must not be negative (zero means none), got "
          + statementLockTimeout);
    }
    if (lockRetries < 0) {
      throw new IllegalArgumentException("lockRetries must be 0 (no retry) or more, got " + lockRetries);
    }
    Objects.requireNonNull(lockRetryDelay, "lockRetryDelay");
    if (lockRetryDelay.isNegative()) {
      throw new IllegalArgumentException("lockRetryDelay must not be negative, got " + lockRetryDelay);
    }
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.repoName = repoName;
    b.locations = new ArrayList<>(locations);
    b.scope = scope;
    b.prefix = prefix;
    b.logSql = logSql;
    b.quiet = quiet;
    b.strictVersionOrder = strictVersionOrder;
    b.ignoreChecksums = ignoreChecksums;
    b.poolSize = poolSize;
    b.parallelism = parallelism;
    b.lockStrategy = lockStrategy;
    b.lockTimeout = lockTimeout;
    b.onlyTenants = new LinkedHashSet<>(onlyTenants);
    b.exceptTenants = new LinkedHashSet<>(exceptTenants);
    b.citus = citus;
    b.statementLockTimeout = statementLockTimeout;
    b.lockRetries = lockRetries;
    b.lockRetryDelay = lockRetryDelay;
    return b;
  }

  /** The schema a single-schema run works on: the prefix, or {@code public}. */
  public String schema() {
    return prefix != null ? prefix : "public";
  }

  /** Worker threads of a tenant run. */
  public int effectiveParallelism() {
    return parallelism == 0 ? poolSize : parallelism;
  }

  /** Builder of {@link MigratorOptions}. */
  public static final class Builder {
    private String repoName = DEFAULT_REPO;
    private List<String> locations = new ArrayList<>();
    private Scope scope;
    private String prefix;
    private boolean logSql;
    private boolean quiet;
    private boolean strictVersionOrder;
    private boolean ignoreChecksums;
    private int poolSize = 4;
    private int parallelism;
    private LockStrategy lockStrategy = LockStrategy.ADVISORY;
    private Duration lockTimeout = Duration.ofMinutes(15);
    private Set<String> onlyTenants = new LinkedHashSet<>();
    private Set<String> exceptTenants = new LinkedHashSet<>();
    private boolean citus;
    private Duration statementLockTimeout = DEFAULT_STATEMENT_LOCK_TIMEOUT;
    private int lockRetries = DEFAULT_LOCK_RETRIES;
    private Duration lockRetryDelay = DEFAULT_LOCK_RETRY_DELAY;

    private Builder() {
    }

    /** The repo's name, part of the lock key (default {@value MigratorOptions#DEFAULT_REPO}). */
    public Builder repoName(String repoName) {
      this.repoName = repoName;
      return this;
    }

    /** Replaces the migration locations. */
    public Builder locations(List<String> locations) {
      this.locations = new ArrayList<>(locations);
      return this;
    }

    /** Adds migration locations (directories or {@code classpath:} locations). */
    public Builder location(String... locations) {
      this.locations.addAll(List.of(locations));
      return this;
    }

    /** Sets the scope directly. */
    public Builder scope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /** Every pending (or every applied, for rollback) migration. */
    public Builder all() {
      return scope(Scope.all());
    }

    /** The next {@code n} migrations. */
    public Builder step(int n) {
      return scope(Scope.step(n));
    }

    /** Up to / down to {@code version}, inclusive. */
    public Builder to(long version) {
      return scope(Scope.to(version));
    }

    /** Exactly these versions (see {@link Scope.Versions}). */
    public Builder versions(Collection<Long> versions) {
      return scope(Scope.versions(versions));
    }

    /** Schema to migrate instead of {@code public}. */
    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** Log every statement. */
    public Builder logSql(boolean logSql) {
      this.logSql = logSql;
      return this;
    }

    /** Log only warnings and errors. */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /** Refuse pending files older than the newest applied version. */
    public Builder strictVersionOrder(boolean strict) {
      this.strictVersionOrder = strict;
      return this;
    }

    /** Apply even when applied files changed. */
    public Builder ignoreChecksums(boolean ignore) {
      this.ignoreChecksums = ignore;
      return this;
    }

    /** Connections of the pool opened for a URL configuration (default 4). */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** Tenant worker threads (default: pool size). */
    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /** Lock strategy (default {@link LockStrategy#ADVISORY}). */
    public Builder lockStrategy(LockStrategy strategy) {
      this.lockStrategy = strategy;
      return this;
    }

    /** Longest wait for another migrator's lock (default 15 minutes). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = timeout;
      return this;
    }

    /** Tenant runs touch only these tenants. */
    public Builder onlyTenants(Set<String> tenants) {
      this.onlyTenants = new LinkedHashSet<>(tenants);
      return this;
    }

    /** Tenant runs skip these tenants. */
    public Builder exceptTenants(Set<String> tenants) {
      this.exceptTenants = new LinkedHashSet<>(tenants);
      return this;
    }

    /**
     * The database is a Citus cluster (default false; {@link io.ashpg.repo.Repo#citus()}): tenant runs create
     * missing tenant schemas as distributed schemas.
     */
    public Builder citus(boolean citus) {
      this.citus = citus;
      return this;
    }

    /**
     * The {@code lock_timeout} of every migration (default 5 s; zero: none). Not the
     * wait for another migrator ({@link #lockTimeout(Duration)}).
     */
    public Builder statementLockTimeout(Duration timeout) {
      this.statementLockTimeout = timeout;
      return this;
    }

    /** How often a migration that hit its lock timeout is tried again (default 5; 0: fail at once). */
    public Builder lockRetries(int retries) {
      this.lockRetries = retries;
      return this;
    }

    /** The wait before the first retry after a lock timeout (default 1 s), doubled for each further one. */
    public Builder lockRetryDelay(Duration delay) {
      this.lockRetryDelay = delay;
      return this;
    }

    /** The options. */
    public MigratorOptions build() {
      return new MigratorOptions(repoName, locations, scope, prefix, logSql, quiet, strictVersionOrder,
          ignoreChecksums, poolSize, parallelism, lockStrategy, lockTimeout, onlyTenants, exceptTenants, citus,
          statementLockTimeout, lockRetries, lockRetryDelay);
    }
  }
}
