package kz.fiscal.testkit;

import java.time.Duration;

/** What goes wrong with the next request to a path; see {@link FakeWebkassa#failNext(String, WebkassaFault)}. */
public enum WebkassaFault {
  /** The request is read, then the connection is shut without applying it. */
  DROP_BEFORE_PROCESSING,
  /** The request is applied (the ledger has it), then the connection is shut without an answer. */
  DROP_AFTER_COMMIT,
  /** HTTP 500 with a short HTML body; nothing applied. */
  SERVER_ERROR_BEFORE_COMMIT,
  /** The request is applied, then HTTP 500 with a short HTML body. */
  SERVER_ERROR_AFTER_COMMIT,
  /** The request is applied, then the answer waits {@link FakeWebkassa#delayResponses(Duration)} (10 s by default). */
  DELAY_AFTER_COMMIT,
  /** The request is applied, then HTTP 200 with a body that is not JSON. */
  GARBAGE_BODY_AFTER_COMMIT,
  /** HTTP 429 without applying. */
  TOO_MANY_REQUESTS
}
