package io.ashpg.resource.verify;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.CheckConstraint;
import io.ashpg.resource.CustomIndex;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQL carried by the definition that uses trigram operators/functions needs {@code "pg_trgm"} in the repo's
 * {@code installedExtensions()}; {@code ci_string} attributes need {@code "citext"}.
 */
public final class VerifyExtensions implements ResourceVerifier {
  private static final Pattern TRIGRAM = Pattern.compile(
      "(?i)\\b(gin_trgm_ops|gist_trgm_ops)\\b|\\b(strict_word_similarity|word_similarity|similarity)\\s*\\(");

  @Override
  public void verify(Resource resource, VerificationContext context) {
    Optional<Repo> repo = context.repo(resource);
    if (repo.isEmpty()) {
      return; // VerifyRepo reports a missing or broken repo
    }
    List<String> installed = repo.get().installedExtensions();
    if (!installed.contains("pg_trgm")) {
      for (String[] sql : sqlFragments(resource.postgres())) {
        if (TRIGRAM.matcher(sql[1]).find()) {
          context.problem(resource, sql[0], "uses trigram matching (" + sql[1] + "), which needs the \"pg_trgm\" "
              + "extension; add \"pg_trgm\" to " + repo.get().getClass().getSimpleName() + ".installedExtensions()");
        }
      }
    }
    if (!installed.contains("citext")) {
      for (Attribute attribute : resource.attributes()) {
        if (needsCitext(attribute.type())
            || resource.postgres().migrationType(attribute.name()).map(t -> t.contains("citext")).orElse(false)) {
          context.problem(resource, "attribute(" + attribute.name() + ")", "type " + attribute.type().name()
              + " is stored as citext, which needs the \"citext\" extension; add \"citext\" to "
              + repo.get().getClass().getSimpleName() + ".installedExtensions()");
        }
      }
    }
  }

  private static boolean needsCitext(Type type) {
    if (type instanceof Type.ArrayOf array) {
      return needsCitext(array.element());
    }
    return type.migrationType().startsWith("citext");
  }

  /** Pairs of (option, SQL) the resource carries. */
  private static List<String[]> sqlFragments(PostgresOptions pg) {
    List<String[]> sql = new ArrayList<>();
    for (CustomIndex index : pg.customIndexes()) {
      String option = "customIndex(" + VerifyCustomIndexes.describe(index) + ")";
      for (IndexField field : index.fields()) {
        sql.add(new String[] {option, field.text()});
      }
      index.where().ifPresent(w -> sql.add(new String[] {option + ".where", w}));
      index.using().ifPresent(u -> sql.add(new String[] {option + ".using", u}));
    }
    for (CheckConstraint check : pg.checkConstraints()) {
      check.check().ifPresent(c -> sql.add(new String[] {"checkConstraint(" + check.name() + ")", c}));
    }
    pg.baseFilterSql().ifPresent(b -> sql.add(new String[] {"baseFilterSql", b}));
    for (Map.Entry<String, String> e : pg.identityWheresToSql().entrySet()) {
      sql.add(new String[] {"identityWheresToSql(" + e.getKey() + ")", e.getValue()});
    }
    for (Map.Entry<String, String> e : pg.calculationsToSql().entrySet()) {
      sql.add(new String[] {"calculationsToSql(" + e.getKey() + ")", e.getValue()});
    }
    return sql;
  }
}
