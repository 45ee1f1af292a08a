package io.ashpg.examples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop: {@code ashpg-spring-boot-starter} builds the Domain from {@link Shop}, applies the migrations under
 * {@code db/shop_repo/migrations} at startup and gives {@link ProductController} a {@code DataLayer}.
 */
@SpringBootApplication
public class ShopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
