package vn.kyso.signing.internal;

import eu.europa.esig.dss.alert.AbstractStatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import vn.kyso.signing.SigningError;

/**
 * A DSS status alert that refuses with one of our error codes. Each check DSS runs before it embeds
 * evidence has its own alert setter on the certificate verifier, so installing one of these per setter
 * tells which check failed by the exception's type, where DSS's own {@code ExceptionOnStatusAlert}
 * throws the same {@link AlertException} for all of them and leaves only its message text to go by.
 */
final class RefusingAlert extends AbstractStatusAlert {

    /**
     * @param error   the code the refusal carries
     * @param message the client's message (DSS's status text, with certificate ids, stays in the log)
     */
    RefusingAlert(SigningError error, String message) {
        super(status -> {
            throw new Refusal(error, message, String.valueOf(status));
        });
    }

    /** Still an {@link AlertException}, so DSS and any code expecting DSS's alert sees what it expects. */
    static final class Refusal extends AlertException {

        private static final long serialVersionUID = 1L;

        private final SigningError error;
        private final String clientMessage;

        Refusal(SigningError error, String clientMessage, String dssStatus) {
            super(dssStatus);
            this.error = error;
            this.clientMessage = clientMessage;
        }

        SigningError error() {
            return error;
        }

        String clientMessage() {
            return clientMessage;
        }
    }
}
