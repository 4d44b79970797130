package vn.kyso.exchange;

import java.util.Map;
import vn.kyso.core.ServiceException;

/**
 * A refused or failed exchange operation. For a rejected incoming message it carries the signed
 * {@code Status} message that tells the sender why, so a caller can send it back.
 */
public class ExchangeException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final transient IncomingResult rejection;

    public ExchangeException(ExchangeError error, String message) {
        this(error, message, null, null);
    }

    public ExchangeException(ExchangeError error, String message, Throwable cause) {
        this(error, message, cause, null);
    }

    private ExchangeException(ExchangeError error, String message, Throwable cause, IncomingResult rejection) {
        super(error, message, cause);
        this.rejection = rejection;
    }

    /** The exception for a rejected incoming message. */
    public static ExchangeException rejected(IncomingResult result) {
        if (result.accepted()) {
            throw new IllegalArgumentException("the message was accepted");
        }
        return new ExchangeException(result.reason(), result.reasonText(), null, result);
    }

    public ExchangeError error() {
        return (ExchangeError) errorCode();
    }

    /** The rejected message's result, with its status message; null for other failures. */
    public IncomingResult rejection() {
        return rejection;
    }

    @Override
    public Map<String, Object> details() {
        if (rejection == null || rejection.documentId() == null) {
            return Map.of();
        }
        return Map.of("documentId", rejection.documentId());
    }
}
