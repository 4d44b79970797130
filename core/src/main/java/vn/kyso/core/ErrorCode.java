package vn.kyso.core;

/**
 * A stable, documented error code. Each module declares its codes as an enum implementing this
 * interface; clients may switch on {@link #code()}, which never changes once released.
 */
public interface ErrorCode {

    /** The constant's name: every module's error enum has it from {@link Enum#name()}. */
    String name();

    /** The stable identifier, upper snake case, for example {@code KEY_NOT_FOUND}: the constant's name. */
    default String code() {
        return name();
    }

    /** The class of failure, which decides the HTTP status. */
    ErrorKind kind();

    /** A short English title for the problem type, the same for every occurrence. */
    String title();
}
