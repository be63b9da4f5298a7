package kz.fiscal.testkit;

import java.math.BigDecimal;
import java.util.Map;
import kz.fiscal.testkit.internal.webkassa.JsonTree;

/**
 * One request as received.
 *
 * @param path the URL path as sent, e.g. {@code /api/v4/check}
 * @param apiKey the {@code x-api-key} header, empty when absent
 * @param body the body as text
 */
public record WebkassaRequest(String path, String apiKey, String body) {
  /**
   * The body as JSON: numbers as {@link BigDecimal}, arrays as lists, objects as insertion-ordered
   * maps, {@code null} kept.
   *
   * @throws IllegalStateException when the body is not a JSON object
   */
  public Map<String, Object> json() {
    return JsonTree.parseObject(body).orElseThrow(() -> new IllegalStateException("not a JSON object: " + body));
  }
}
