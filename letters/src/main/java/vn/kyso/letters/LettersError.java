package vn.kyso.letters;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** Stable error codes of the letters workflow. */
public enum LettersError implements ErrorCode {
    LETTER_NOT_FOUND(ErrorKind.NOT_FOUND, "No such letter"),
    /** The step does not fit the letter's state: issuing an unsigned draft, signing twice. */
    LETTER_STATE_CONFLICT(ErrorKind.CONFLICT, "The letter is not in a state that allows this step"),
    /** A person's key where the organisation's is needed, or the other way round. */
    WRONG_KEY_HOLDER(ErrorKind.UNPROCESSABLE, "The key belongs to the wrong kind of holder"),
    LETTERS_UNAVAILABLE(ErrorKind.UNAVAILABLE, "The letters database is unavailable"),
    /** A step without what it needs, e.g. no key; the same code as the api module's own INVALID_REQUEST. */
    INVALID_REQUEST(ErrorKind.BAD_REQUEST, "Invalid request"),
    /** The letter belongs to another organisation than the caller's. */
    LETTER_NOT_YOURS(ErrorKind.FORBIDDEN, "The letter belongs to another organisation");

    private final ErrorKind kind;
    private final String title;

    LettersError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
