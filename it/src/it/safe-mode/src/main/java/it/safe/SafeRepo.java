package it.safe;

import io.ashpg.repo.Repo;

public final class SafeRepo extends Repo {
}
