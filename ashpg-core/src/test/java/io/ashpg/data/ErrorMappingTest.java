package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ashpg.error.ConstraintType;
import io.ashpg.error.ConstraintViolationException;
import io.ashpg.error.DatabaseException;
import io.ashpg.error.FieldError;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every mapped SQLSTATE (23505, 23503, 23001, 23514, 23502, 23P01) and unknown constraint names. */
@WithPostgres
class ErrorMappingTest {

  static final Resource THING = Resource.define("thing", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("things")
          .checkConstraint("qty", "qty_non_negative", c -> c.check("qty >= 0").message("must not be negative"))
          .uniqueIndexName(List.of("sku"), "things_sku_unique", "sku taken")
          .customStatement("sku_unique", s -> s.up("CREATE UNIQUE INDEX things_sku_unique ON things (sku)")
              .down("DROP INDEX things_sku_unique"))
          .customStatement("serial_secret", s -> s.up("CREATE UNIQUE INDEX things_serial_secret ON things (serial)")
              .down("DROP INDEX things_serial_secret"))
          .customStatement("locked_trigger", s -> s.up("CREATE FUNCTION things_locked() RETURNS trigger LANGUAGE"
              + " plpgsql AS $$ BEGIN IF OLD.code = 'locked' THEN RAISE EXCEPTION 'restricted' USING ERRCODE ="
              + " '23001', CONSTRAINT = 'parts_thing_id_fkey', TABLE = 'parts'; END IF; RETURN OLD; END $$;\n"
              + "CREATE TRIGGER things_locked BEFORE DELETE ON things FOR EACH ROW EXECUTE FUNCTION"
              + " things_locked()").down("DROP TRIGGER things_locked ON things;\nDROP FUNCTION things_locked()")))
      .uuidPrimaryKey("id")
      .attribute("code", Type.STRING, a -> a.allowNil(false))
      .attribute("qty", Type.INTEGER)
      .attribute("sku", Type.STRING)
      .attribute("serial", Type.STRING)
      .identity("unique_code", "code"));

  static final Resource PART = Resource.define("part", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("parts"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING)
      .belongsTo("thing", "thing"));

  static final Resource BOOKING = Resource.define("booking", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("bookings")
          .exclusionConstraintName("during", "bookings_no_overlap")
          .customStatement("no_overlap", s -> s.up("ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap"
              + " EXCLUDE USING gist (during WITH &&)").down("ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap")))
      .uuidPrimaryKey("id")
      .attribute("during", Type.custom("tsrange")));

  static final Domain DOMAIN = Domain.of(List.of(THING, PART, BOOKING));

  private final DataLayer dl;

  ErrorMappingTest(TestDatabase db) {
    this.dl = DataLayer.of(DOMAIN, db.dataSource());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, DOMAIN);
  }

  private static ConstraintViolationException violation(Executable e) {
    ConstraintViolationException ex = catchThrowableOfType(ConstraintViolationException.class, () -> e.execute());
    assertThat(ex).as("constraint violation").isNotNull();
    return ex;
  }

  private Row thing(String code) {
    return dl.create(Changeset.create(THING).set("code", code));
  }

  @Test
  void uniqueIdentity() {
    thing("u1");
    ConstraintViolationException e = violation(() -> thing("u1"));
    assertThat(e.type()).isEqualTo(ConstraintType.UNIQUE);
    assertThat(e.sqlState()).contains("23505");
    assertThat(e.errors()).containsExactly(new FieldError("code", "has already been taken", "things_unique_code_index"));
    assertThat(e.declared()).isTrue();
    assertThat(e.getMessage()).contains("invalid thing", "code: has already been taken");
  }

  @Test
  void primaryKey() {
    Row t = thing("pk1");
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(THING).force("id", t.get("id"))
        .set("code", "pk2")));
    assertThat(e.errors()).containsExactly(new FieldError("id", "has already been taken", "things_pkey"));
  }

  @Test
  void declaredUniqueIndexName() {
    dl.create(Changeset.create(THING).set("code", "s1").set("sku", "SKU"));
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(THING).set("code", "s2")
        .set("sku", "SKU")));
    assertThat(e.errors()).containsExactly(new FieldError("sku", "sku taken", "things_sku_unique"));
  }

  @Test
  void unknownUniqueIndexStillExplainsItself() {
    dl.create(Changeset.create(THING).set("code", "x1").set("serial", "S"));
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(THING).set("code", "x2")
        .set("serial", "S")));
    assertThat(e.declared()).isFalse();
    assertThat(e.errors()).containsExactly(new FieldError(null, "has already been taken", "things_serial_secret"));
    assertThat(e.getMessage()).contains("things_serial_secret", "is not declared on resource thing",
        "uniqueIndexNames");
  }

  @Test
  void foreignKeyOnCreateAndOnDelete() {
    ConstraintViolationException create = violation(() -> dl.create(Changeset.create(PART).set("name", "p")
        .set("thing_id", java.util.UUID.randomUUID())));
    assertThat(create.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
    assertThat(create.sqlState()).contains("23503");
    assertThat(create.errors()).containsExactly(new FieldError("thing_id", "does not exist", "parts_thing_id_fkey"));
    Row t = thing("fk1");
    dl.create(Changeset.create(PART).set("name", "p").set("thing_id", t.get("id")));
    ConstraintViolationException delete = violation(() -> dl.destroy(Changeset.destroy(THING, t)));
    assertThat(delete.resource()).isEqualTo("thing");
    assertThat(delete.errors()).containsExactly(new FieldError("id", "would leave records behind",
        "parts_thing_id_fkey"));
    ConstraintViolationException bulk = violation(() -> dl.bulkDestroy(Query.of(THING).filter(attr("code")
        .eq("fk1"))));
    assertThat(bulk.errors()).extracting(FieldError::message).containsExactly("would leave records behind");
  }

  @Test
  void restrictViolation23001() {
    Row t = thing("locked");
    ConstraintViolationException e = violation(() -> dl.destroy(Changeset.destroy(THING, t)));
    assertThat(e.sqlState()).contains("23001");
    assertThat(e.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
    assertThat(e.errors()).containsExactly(new FieldError("id", "would leave records behind",
        "parts_thing_id_fkey"));
  }

  @Test
  void checkConstraintWithDeclaredMessage() {
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(THING).set("code", "c")
        .set("qty", -1)));
    assertThat(e.sqlState()).contains("23514");
    assertThat(e.errors()).containsExactly(new FieldError("qty", "must not be negative", "qty_non_negative"));
    Row t = thing("c2");
    ConstraintViolationException update = violation(() -> dl.update(Changeset.update(THING, t).set("qty", -5)));
    assertThat(update.errors()).extracting(FieldError::field).containsExactly("qty");
  }

  @Test
  void notNull() {
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(THING).set("qty", 1)));
    assertThat(e.sqlState()).contains("23502");
    assertThat(e.type()).isEqualTo(ConstraintType.NOT_NULL);
    assertThat(e.errors()).extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("code", "is required"));
  }

  @Test
  void exclusion() {
    dl.create(Changeset.create(BOOKING).set("during", "[2024-01-01 10:00, 2024-01-01 12:00)"));
    ConstraintViolationException e = violation(() -> dl.create(Changeset.create(BOOKING)
        .set("during", "[2024-01-01 11:00, 2024-01-01 13:00)")));
    assertThat(e.sqlState()).contains("23P01");
    assertThat(e.errors()).containsExactly(new FieldError("during", "violates an exclusion constraint",
        "bookings_no_overlap"));
  }

  @Test
  void bulkCreateErrorsAreMappedToo() {
    ConstraintViolationException e = violation(() -> dl.bulkCreate(THING, List.of(Map.of("code", "b"),
        Map.of("code", "b"))));
    assertThat(e.errors()).extracting(FieldError::field).containsExactly("code");
    assertThat(dl.count(Query.of(THING).filter(attr("code").eq("b")))).isZero();
  }

  @Test
  void otherSqlErrorsAreDatabaseExceptions() {
    assertThatThrownBy(() -> dl.create(Changeset.create(BOOKING).set("during", "not a range")))
        .isInstanceOf(DatabaseException.class).hasMessageContaining("create of booking")
        .satisfies(x -> assertThat(((DatabaseException) x).sqlState()).contains("22P02"));
  }
}
