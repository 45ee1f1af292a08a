package io.ashpg.data;

import io.ashpg.repo.Repo;

/** Test repo without extensions. */
public final class PlainDataRepo extends Repo {}
