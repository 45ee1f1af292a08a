package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.Blog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceDslTest {

  @Test
  void attributesKeepDeclarationOrderAndBelongsToKeysComeLast() {
    assertThat(Blog.POST.attributes()).extracting(Attribute::name)
        .containsExactly("id", "title", "price", "tags", "deleted_at", "inserted_at", "updated_at", "author_id");
  }

  @Test
  void attributeOptions() {
    Resource r = Resource.define("thing", b -> b
        .attribute("plain", Type.STRING)
        .attribute("full", Type.INTEGER, a -> a.allowNil(false).primaryKey(true).generated(true).writable(false)
            .defaultValue(5).updateDefault(AttributeDefault.sql("0")).source("full_col"))
        .attribute("computed", Type.UUID, a -> a.defaultValue(AttributeDefault.computed(java.util.UUID::randomUUID)))
        .attribute("pk_default_not_null", Type.UUID, a -> a.primaryKey(true)));

    Attribute plain = r.attribute("plain").orElseThrow();
    assertThat(plain.source()).isEqualTo("plain");
    assertThat(plain.allowNil()).isTrue();
    assertThat(plain.writable()).isTrue();
    assertThat(plain.primaryKey()).isFalse();
    assertThat(plain.generated()).isFalse();
    assertThat(plain.defaultValue()).isEmpty();
    assertThat(plain.updateDefault()).isEmpty();

    Attribute full = r.attribute("full").orElseThrow();
    assertThat(full).isEqualTo(new Attribute("full", Type.INTEGER, "full_col", false, true, true, false,
        Optional.of(new AttributeDefault.Literal(5)), Optional.of(new AttributeDefault.Sql("0"))));

    assertThat(r.attribute("computed").orElseThrow().defaultValue().orElseThrow().lowerableToDatabase()).isFalse();
    assertThat(r.attribute("pk_default_not_null").orElseThrow().allowNil()).isFalse();
    assertThat(r.primaryKey()).extracting(Attribute::name).containsExactly("full", "pk_default_not_null");
    assertThat(r.attribute("missing")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void literalDefaultsAreCopiedImmutably() {
    List<String> tags = new ArrayList<>(List.of("a"));
    Resource r = Resource.define("thing", b -> b.attribute("tags", Type.arrayOf(Type.STRING), a -> a.defaultValue(tags)));
    tags.add("b");
    Object value = ((AttributeDefault.Literal) r.attribute("tags").orElseThrow().defaultValue().orElseThrow()).value();
    assertThat(value).isEqualTo(List.of("a"));
    assertThatThrownBy(() -> ((List<Object>) value).add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void primaryKeyAndTimestampHelpers() {
    Resource r = Resource.define("thing", b -> b
        .uuidPrimaryKey("id")
        .uuidV7PrimaryKey("v7")
        .integerPrimaryKey("n")
        .createTimestamp("inserted_at")
        .updateTimestamp("updated_at"));

    Attribute id = r.attribute("id").orElseThrow();
    assertThat(id.type()).isEqualTo(Type.UUID);
    assertThat(id.primaryKey()).isTrue();
    assertThat(id.allowNil()).isFalse();
    assertThat(id.writable()).isFalse();
    assertThat(id.defaultValue()).contains(AttributeDefault.uuidGenerate());

    Attribute v7 = r.attribute("v7").orElseThrow();
    assertThat(v7.type()).isEqualTo(Type.UUID_V7);
    assertThat(v7.defaultValue()).contains(AttributeDefault.uuidV7Generate());

    Attribute n = r.attribute("n").orElseThrow();
    assertThat(n.type()).isEqualTo(Type.INTEGER);
    assertThat(n.generated()).isTrue();
    assertThat(n.allowNil()).isFalse();
    assertThat(n.defaultValue()).isEmpty();

    Attribute inserted = r.attribute("inserted_at").orElseThrow();
    assertThat(inserted.type()).isEqualTo(Type.UTC_DATETIME_USEC);
    assertThat(inserted.defaultValue()).contains(AttributeDefault.now());
    assertThat(inserted.updateDefault()).isEmpty();
    assertThat(inserted.allowNil()).isFalse();

    Attribute updated = r.attribute("updated_at").orElseThrow();
    assertThat(updated.defaultValue()).contains(AttributeDefault.now());
    assertThat(updated.updateDefault()).contains(AttributeDefault.now());
    assertThat(updated.allowNil()).isFalse();
  }

  @Test
  void identities() {
    Resource r = Resource.define("thing", b -> b
        .attribute("a", Type.STRING)
        .attribute("b", Type.STRING)
        .identity("unique_a", "a")
        .identity("unique_ab", List.of("b", "a"), i -> i.nullsDistinct(false).allTenants(true)));
    assertThat(r.identities()).containsExactly(
        new Identity("unique_a", List.of("a"), true, false),
        new Identity("unique_ab", List.of("b", "a"), false, true));
    assertThat(r.identity("unique_ab")).isPresent();
  }

  @Test
  void relationshipDefaults() {
    Resource post = Blog.POST;
    BelongsTo author = (BelongsTo) post.relationship("author").orElseThrow();
    assertThat(author).isEqualTo(new BelongsTo("author", "author", "author_id", "id", true, false, Type.UUID, true,
        true, Map.of()));
    Attribute authorId = post.attribute("author_id").orElseThrow();
    assertThat(authorId.type()).isEqualTo(Type.UUID);
    assertThat(authorId.allowNil()).isTrue();

    HasMany comments = (HasMany) post.relationship("comments").orElseThrow();
    assertThat(comments.sourceAttribute()).isEqualTo("id");
    assertThat(comments.destinationAttribute()).isEqualTo("post_id");
    assertThat(comments.toMany()).isTrue();
    assertThat(comments.contextTable()).isEmpty();

    HasMany posts = (HasMany) Blog.AUTHOR.relationship("posts").orElseThrow();
    assertThat(posts.destinationAttribute()).isEqualTo("author_id");
    assertThat(Blog.COMMENT.attribute("post_id").orElseThrow().allowNil()).isFalse();
  }

  @Test
  void relationshipOptions() {
    Resource r = Resource.define("post", b -> b
        .uuidPrimaryKey("id")
        .attribute("owner_key", Type.INTEGER)
        .belongsTo("owner", "user", rel -> rel.sourceAttribute("owner_key").destinationAttribute("key")
            .attributeType(Type.INTEGER).allowNil(false))
        .belongsTo("editor", "user", rel -> rel.attributeType(Type.INTEGER).primaryKey(true).attributeWritable(false))
        .belongsTo("ghost", "user", rel -> rel.defineAttribute(false))
        .hasOne("summary", "summary", rel -> rel.destinationAttribute("the_post_id").sourceAttribute("id"))
        .hasOne("cover", "image")
        .manyToMany("tags", "tag", "post_tag")
        .manyToMany("labels", "label", "post_label", rel -> rel.sourceAttributeOnJoinResource("p")
            .destinationAttributeOnJoinResource("l").destinationAttribute("code")
            .relationshipContext(Map.of("data_layer", Map.of("table", "labels_v2")))));

    // declared attribute wins over the generated one
    assertThat(r.attribute("owner_key").orElseThrow().allowNil()).isTrue();
    assertThat(r.attributes()).extracting(Attribute::name)
        .containsExactly("id", "owner_key", "editor_id");
    Attribute editorId = r.attribute("editor_id").orElseThrow();
    assertThat(editorId.type()).isEqualTo(Type.INTEGER);
    assertThat(editorId.primaryKey()).isTrue();
    assertThat(editorId.allowNil()).isFalse();
    assertThat(editorId.writable()).isFalse();

    assertThat(r.relationship("cover").orElseThrow())
        .isEqualTo(new HasOne("cover", "image", "id", "post_id", Map.of()));
    assertThat(r.relationship("summary").orElseThrow().destinationAttribute()).isEqualTo("the_post_id");
    assertThat(r.relationship("tags").orElseThrow())
        .isEqualTo(new ManyToMany("tags", "tag", "post_tag", "id", "id", "post_id", "tag_id", Map.of()));
    ManyToMany labels = (ManyToMany) r.relationship("labels").orElseThrow();
    assertThat(labels.sourceAttributeOnJoinResource()).isEqualTo("p");
    assertThat(labels.destinationAttributeOnJoinResource()).isEqualTo("l");
    assertThat(labels.destinationAttribute()).isEqualTo("code");
    assertThat(labels.contextTable()).contains("labels_v2");
    assertThat(labels.toMany()).isTrue();
  }

  @Test
  void actionsAndContext() {
    Resource r = Resource.define("reaction", b -> b
        .defaultActions(ActionType.READ, ActionType.DESTROY)
        .read("for_posts", a -> a.setContext(Map.of("data_layer", Map.of("table", "post_reactions"))))
        .create("make", a -> a.setContextTable("t"))
        .update("edit", a -> {})
        .destroy("purge", a -> {}));
    assertThat(r.actions()).extracting(Action::name)
        .containsExactly("read", "destroy", "for_posts", "make", "edit", "purge");
    assertThat(r.action("for_posts").orElseThrow().contextTable()).contains("post_reactions");
    assertThat(r.action("make").orElseThrow().contextTable()).contains("t");
    assertThat(r.action("edit").orElseThrow().contextTable()).isEmpty();
    assertThat(r.action("edit").orElseThrow().type()).isEqualTo(ActionType.UPDATE);
    assertThat(r.hasCreateAction()).isTrue();
    assertThat(Resource.define("x", b -> b.defaultActions(ActionType.READ)).hasCreateAction()).isFalse();
  }

  @Test
  void multitenancyBothStrategies() {
    Resource attribute = Resource.define("doc", b -> b
        .attribute("org_id", Type.UUID)
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id").global(true)));
    assertThat(attribute.multitenancy())
        .contains(new Multitenancy(Multitenancy.Strategy.ATTRIBUTE, Optional.of("org_id"), true));

    Resource context = Resource.define("doc", b -> b.multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)));
    assertThat(context.multitenancy())
        .contains(new Multitenancy(Multitenancy.Strategy.CONTEXT, Optional.empty(), false));
    assertThat(Resource.define("doc", b -> {}).multitenancy()).isEmpty();
  }

  @Test
  void calculations() {
    Resource r = Resource.define("user", b -> b.calculation("lower_email", Type.CI_STRING));
    assertThat(r.calculations()).containsExactly(new Calculation("lower_email", Type.CI_STRING));
    assertThat(r.calculation("lower_email")).isPresent();
  }

  @Test
  @SuppressWarnings("unchecked")
  void modelCollectionsAreImmutable() {
    assertThatThrownBy(() -> Blog.POST.attributes().add(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Blog.POST.postgres().customIndexes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, Object> ctx = new java.util.HashMap<>();
    ctx.put("data_layer", new java.util.HashMap<>(Map.of("table", "a")));
    Resource r = Resource.define("x", b -> b.hasMany("rs", "r", rel -> rel.relationshipContext(ctx)));
    ((Map<String, Object>) ctx.get("data_layer")).put("table", "b");
    assertThat(r.relationship("rs").orElseThrow().contextTable()).contains("a");
    Map<String, Object> stored = r.relationship("rs").orElseThrow().relationshipContext();
    assertThatThrownBy(() -> ((Map<String, Object>) stored.get("data_layer")).put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resourceNameIsRequired() {
    assertThatThrownBy(() -> Resource.define(" ", b -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThat(Blog.POST.toString()).isEqualTo("Resource[post, table posts]");
  }
}
