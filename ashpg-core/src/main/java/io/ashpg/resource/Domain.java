package io.ashpg.resource;

import io.ashpg.repo.Repo;
import io.ashpg.resource.verify.VerificationContext;
import io.ashpg.resource.verify.Verifier;
import io.ashpg.resource.verify.Verifiers;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved and verified set of resources the generator and data layer work on. {@link #build(Api...)} resolves
 * relationship destinations by name, instantiates each repo class once and runs the {@link Verifiers}; it throws a
 * {@link DefinitionException} listing every problem, so a built Domain is always consistent.
 */
public final class Domain {
  private final List<Resource> resources;
  private final Map<String, Resource> byName;
  private final Map<Resource, Repo> readRepos;
  private final Map<Resource, Repo> mutateRepos;
  private final List<Repo> repos;
  private final Map<Resource, List<String>> tables;

  private Domain(Resolution r) {
    this.resources = List.copyOf(r.byName.values());
    this.byName = r.byName;
    this.readRepos = r.readRepos;
    this.mutateRepos = r.mutateRepos;
    // a repo chosen only for reads (a read replica) is no database of its own to migrate, create or drop
    Set<Repo> written = Collections.newSetFromMap(new IdentityHashMap<>());
    written.addAll(r.mutateRepos.values());
    this.repos = List.copyOf(r.instances.values().stream().flatMap(Optional::stream).filter(written::contains)
        .toList());
    this.tables = r.tables;
  }

  /** Builds the domain of the resources of {@code apis}, in order. */
  public static Domain build(Api... apis) {
    List<Resource> all = new ArrayList<>();
    for (Api api : apis) {
      all.addAll(Objects.requireNonNull(api.resources(), () -> api.getClass().getName() + ".resources()"));
    }
    return of(all);
  }

  /** Builds the domain of {@code resources}. */
  public static Domain of(List<Resource> resources) {
    return of(resources, Verifiers.standard());
  }

  /** Builds the domain with a custom list of verifiers (e.g. the standard ones plus project rules). */
  public static Domain of(List<Resource> resources, List<Verifier> verifiers) {
    Resolution resolution = new Resolution(resources);
    for (Verifier verifier : verifiers) {
      verifier.verify(resolution);
    }
    if (!resolution.problems.isEmpty()) {
      throw new DefinitionException(resolution.problems);
    }
    return new Domain(resolution);
  }

  /** All resources, in api order. */
  public List<Resource> resources() {
    return resources;
  }

  /** The resource named {@code name}. */
  public Optional<Resource> resource(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The destination resource of {@code relationship} (a relationship of {@code source}). */
  public Resource destination(Resource source, Relationship relationship) {
    requireOwn(source, relationship);
    return byName.get(relationship.destination());
  }

  /** The join resource of a many-to-many relationship of {@code source}. */
  public Resource through(Resource source, ManyToMany relationship) {
    requireOwn(source, relationship);
    return byName.get(relationship.through());
  }

  /** The repo used for writes and migrations of {@code resource}. */
  public Repo repo(Resource resource) {
    return repo(resource, RepoPurpose.MUTATE);
  }

  /** The repo used for {@code purpose}. */
  public Repo repo(Resource resource, RepoPurpose purpose) {
    Repo repo = (purpose == RepoPurpose.READ ? readRepos : mutateRepos).get(resource);
    if (repo == null) {
      throw new IllegalArgumentException(resource + " is not part of this domain");
    }
    return repo;
  }

  /**
   * The repos resources are written through ({@link RepoPurpose#MUTATE}), one instance per repo class, in order of
   * first use: the databases that are migrated, created and dropped. A repo chosen only for reads (a read replica,
   * see {@code DataLayer.withReadDataSource}) is not among them.
   */
  public List<Repo> repos() {
    return repos;
  }

  /** The resources whose mutate repo is {@code repo}. */
  public List<Resource> resources(Repo repo) {
    return resources.stream().filter(r -> mutateRepos.get(r) == repo).toList();
  }

  /**
   * The tables a resource is stored in: its {@code table}, or for a polymorphic resource every context table a
   * relationship points it to (one generated table each).
   */
  public List<String> tables(Resource resource) {
    List<String> result = tables.get(resource);
    if (result == null) {
      throw new IllegalArgumentException(resource + " is not part of this domain");
    }
    return result;
  }

  private void requireOwn(Resource source, Relationship relationship) {
    if (source.relationship(relationship.name()).filter(r -> r.equals(relationship)).isEmpty()) {
      throw new IllegalArgumentException(relationship.name() + " is not a relationship of " + source);
    }
  }

  /** Mutable state while building: the resolution itself doubles as the verifiers' context. */
  private static final class Resolution implements VerificationContext {
    final Map<String, Resource> byName = new LinkedHashMap<>();
    final Map<Resource, Repo> readRepos = new IdentityHashMap<>();
    final Map<Resource, Repo> mutateRepos = new IdentityHashMap<>();
    final Map<Resource, String> repoFailures = new IdentityHashMap<>();
    final Map<Class<? extends Repo>, Optional<Repo>> instances = new LinkedHashMap<>();
    final Map<Class<? extends Repo>, String> instanceFailures = new LinkedHashMap<>();
    final Map<Resource, List<String>> tables = new IdentityHashMap<>();
    final List<Problem> problems = new ArrayList<>();

    Resolution(List<Resource> resources) {
      for (Resource resource : resources) {
        Objects.requireNonNull(resource, "null resource in api (is a resource constant used before it is defined?)");
        Resource first = byName.putIfAbsent(resource.name(), resource);
        if (first != null && first != resource) {
          problem(resource, "name", "another resource is also named \"" + resource.name()
              + "\"; resource names must be unique in a domain, rename one");
        }
      }
      for (Resource resource : byName.values()) {
        resolveRepos(resource);
        tables.put(resource, computeTables(resource));
      }
    }

    private void resolveRepos(Resource resource) {
      if (resource.postgres().repo().isEmpty()) {
        return;
      }
      for (RepoPurpose purpose : RepoPurpose.values()) {
        Class<? extends Repo> type;
        try {
          type = resource.repoClass(purpose).orElse(null);
        } catch (RuntimeException e) {
          repoFailures.putIfAbsent(resource, "the repo selector failed for " + purpose + ": " + e);
          continue;
        }
        if (type == null) {
          repoFailures.putIfAbsent(resource, "the repo selector returned null for " + purpose
              + "; return a Repo class for every purpose");
          continue;
        }
        Optional<Repo> instance = instances.computeIfAbsent(type, this::instantiate);
        if (instance.isEmpty()) {
          repoFailures.putIfAbsent(resource, instanceFailures.get(type));
          continue;
        }
        (purpose == RepoPurpose.READ ? readRepos : mutateRepos).put(resource, instance.get());
      }
    }

    private Optional<Repo> instantiate(Class<? extends Repo> type) {
      String why;
      if (Modifier.isAbstract(type.getModifiers())) {
        why = "is abstract";
      } else {
        try {
          return Optional.of(type.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
          why = "has no public no-arg constructor (a nested class must also be static and public)";
        } catch (IllegalAccessException e) {
          why = "is not accessible; make the class public";
        } catch (InvocationTargetException e) {
          why = "threw from its constructor: " + e.getCause();
        } catch (InstantiationException | RuntimeException e) {
          why = "could not be instantiated: " + e;
        }
      }
      instanceFailures.put(type, "repo class " + type.getName() + " " + why
          + "; repos need a public, non-abstract class with a public no-arg constructor");
      return Optional.empty();
    }

    private List<String> computeTables(Resource resource) {
      if (resource.table().isPresent()) {
        return List.of(resource.table().get());
      }
      Set<String> found = new LinkedHashSet<>();
      for (Resource other : byName.values()) {
        for (Relationship relationship : other.relationships()) {
          if (relationship.destination().equals(resource.name())) {
            relationship.contextTable().ifPresent(found::add);
          }
        }
      }
      return List.copyOf(found);
    }

    @Override
    public List<Resource> resources() {
      return List.copyOf(byName.values());
    }

    @Override
    public Optional<Resource> resource(String name) {
      return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<String> tables(Resource resource) {
      return tables.getOrDefault(resource, List.of());
    }

    @Override
    public Optional<Repo> repo(Resource resource) {
      return Optional.ofNullable(mutateRepos.get(resource));
    }

    @Override
    public Optional<String> repoFailure(Resource resource) {
      return Optional.ofNullable(repoFailures.get(resource));
    }

    @Override
    public void problem(Resource resource, String option, String message) {
      problems.add(new Problem(resource.name(), option, message));
    }
  }

  @Override
  public String toString() {
    return "Domain" + Arrays.toString(resources.stream().map(Resource::name).toArray());
  }
}
