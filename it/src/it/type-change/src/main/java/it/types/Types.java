package it.types;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/**
 * One table whose columns change type at it.stage=1: qty text to integer (PostgreSQL casts it, explicitly), score
 * integer to boolean (PostgreSQL has no cast: the resource states the conversion, both ways, unless it.noConversion).
 * A custom statement puts rows in the table when it is created.
 */
public final class Types implements Api {

  static Resource item() {
    boolean changed = Integer.getInteger("it.stage", 0) >= 1;
    boolean stated = !Boolean.getBoolean("it.noConversion");
    return Resource.define("item", r -> {
      r.postgres(pg -> {
        pg.repo(TypesRepo.class).table("items")
            .customStatement("seed", s -> s
                .up("INSERT INTO items (name, qty, score) VALUES ('a', '12', 3), ('b', '0', 0), ('c', NULL, NULL)")
                .down("DELETE FROM items"));
        if (changed && stated) {
          pg.convertType("score", "bigint", "\"score\" <> 0", "\"score\"::integer");
        }
      });
      r.uuidPrimaryKey("id")
          .attribute("name", Type.STRING)
          .attribute("qty", changed ? Type.INTEGER : Type.STRING)
          .attribute("score", changed ? Type.BOOLEAN : Type.INTEGER);
    });
  }

  @Override
  public List<Resource> resources() {
    return List.of(item());
  }
}
