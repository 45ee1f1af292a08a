package io.ashpg.data;

import io.ashpg.repo.Repo;
import java.util.List;

/** Test repo with pg_trgm and citext installed. */
public final class DataRepo extends Repo {
  @Override
  public List<String> installedExtensions() {
    return List.of("pg_trgm", "citext");
  }
}
