package it.safe;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/** it.v2 makes notes.title required and unique: a NOT NULL and an index on a table that exists. */
public final class Safe implements Api {

  static Resource note() {
    boolean v2 = Boolean.getBoolean("it.v2");
    return Resource.define("note", r -> {
      r.postgres(pg -> pg.repo(SafeRepo.class).table("notes"))
          .uuidPrimaryKey("id")
          .attribute("title", Type.STRING, a -> a.allowNil(!v2));
      if (v2) {
        r.identity("unique_title", "title");
      }
    });
  }

  @Override
  public List<Resource> resources() {
    return List.of(note());
  }
}
