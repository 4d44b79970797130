package vn.kyso.exchange.internal;

import vn.kyso.exchange.ExchangeError;

/** Internal signal that an incoming message is refused; turned into a REJECTED status, never thrown out. */
final class Rejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExchangeError reason;

    Rejected(ExchangeError reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    ExchangeError reason() {
        return reason;
    }
}
