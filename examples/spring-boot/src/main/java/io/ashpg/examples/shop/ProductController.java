package io.ashpg.examples.shop;

import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.data.Sort;
import io.ashpg.error.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /products}: lists and creates products through the auto-configured {@link DataLayer}. */
@RestController
@RequestMapping("/products")
public class ProductController {

  private final DataLayer dataLayer;

  public ProductController(DataLayer dataLayer) {
    this.dataLayer = dataLayer;
  }

  /** What a client posts. */
  public record NewProduct(String name, BigDecimal price) {}

  @GetMapping
  public List<Map<String, Object>> list() {
    return dataLayer.read(Query.of(Product.RESOURCE).sort(Sort.asc("name"))).stream().map(ProductController::json)
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody NewProduct product) {
    return json(dataLayer.create(Changeset.create(Product.RESOURCE)
        .set("name", product.name())
        .set("price", product.price())));
  }

  /** A taken name or a price that is not positive: 422 with the field errors the resource declares. */
  @ExceptionHandler(ConstraintViolationException.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
  public Map<String, Object> invalid(ConstraintViolationException e) {
    return Map.of("errors", e.errors().stream()
        .map(error -> Map.of("field", String.valueOf(error.field()), "message", error.message())).toList());
  }

  private static Map<String, Object> json(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.attributes().forEach(attribute -> out.put(attribute, row.get(attribute)));
    return out;
  }
}
