package vn.kyso.cli;

/** The CLI's exit codes (docs/cli.md): scripts switch on them. */
public enum ExitCode {
    /** Done; a validation said VALID; a copy matched. */
    OK(0),
    /** Done, but the answer is "no": a verdict other than VALID, a copy that differs, a file of a batch failed. */
    NEGATIVE(1),
    /** The command line is wrong (picocli's code for usage errors). */
    USAGE(2),
    /** The service refused the request (a 4xx problem other than 401/403): fix the request. */
    REFUSED(3),
    /** No or wrong credentials, or the caller may not do this (401, 403). */
    NOT_ALLOWED(4),
    /** The service or one of its dependencies is unavailable or failed (5xx, 429 beyond waiting, no connection). */
    UNAVAILABLE(5),
    /** A local file could not be read or written. */
    LOCAL_FILE(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
