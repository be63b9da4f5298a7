package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL a test suite runs on, named by the environment variable {@value #URL_VARIABLE} (a JDBC
 * URL with user and password; this project's {@code .ci/run} starts one and sets it). Without the
 * variable a test is skipped with a message, except under {@code CI=true}, where a missing service fails
 * it. Stateless.
 */
public final class TestPostgres {
  /** The environment variable holding the JDBC URL. */
  public static final String URL_VARIABLE = "FISCAL_TEST_POSTGRES_URL";

  private TestPostgres() {}

  /**
   * The configured URL.
   *
   * @throws org.opentest4j.TestAbortedException (skipping the test) when none is set outside CI
   * @throws AssertionError when none is set under {@code CI=true}
   */
  public static String url() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(URL_VARIABLE + " is not set under CI=true: .ci/run must start PostgreSQL");
      }
      assumeTrue(false, "PostgreSQL tests skipped: set " + URL_VARIABLE
          + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) or run bash .ci/run");
    }
    return url;
  }
}
