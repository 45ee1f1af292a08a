package it.types;

import io.ashpg.repo.Repo;

public final class TypesRepo extends Repo {
}
