package kz.fiscal.core.journal;

/**
 * The journal's storage failed (database unreachable, disk full, schema refused). What the journal
 * had committed before stays; nothing is acted on without being journaled first.
 */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
