package vn.kyso.core.net;

import java.io.IOException;

/**
 * A fetch the outbound policy did not allow. An {@link IOException}, so that HTTP clients and DSS treat it
 * as the failed fetch it is (the evidence is then missing, and the verdict says so), not as a crash.
 */
public final class FetchRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public FetchRefusedException(String message) {
        super(message);
    }
}
