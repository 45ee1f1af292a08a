package io.ashpg.examples.shop;

import io.ashpg.repo.Repo;

/** The shop's database: everything in {@code public}, no extensions. */
public final class ShopRepo extends Repo {
}
