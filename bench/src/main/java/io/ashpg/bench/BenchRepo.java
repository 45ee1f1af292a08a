package io.ashpg.bench;

import io.ashpg.repo.Repo;

/** The repo of the benchmark resources (no extensions). */
public final class BenchRepo extends Repo {}
