package vn.kyso.cli.internal;

import vn.kyso.cli.ExitCode;

/** The exit codes as ints (picocli's handlers return ints), and the one mapping from HTTP statuses. */
final class Exit {

    static final int OK = ExitCode.OK.code();
    static final int NEGATIVE = ExitCode.NEGATIVE.code();
    static final int REFUSED = ExitCode.REFUSED.code();
    static final int NOT_ALLOWED = ExitCode.NOT_ALLOWED.code();
    static final int UNAVAILABLE = ExitCode.UNAVAILABLE.code();
    static final int LOCAL_FILE = ExitCode.LOCAL_FILE.code();

    private Exit() {
    }

    static int of(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403) {
            return NOT_ALLOWED;
        }
        return httpStatus >= 500 || httpStatus == 429 ? UNAVAILABLE : REFUSED;
    }
}
