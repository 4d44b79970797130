package vn.kyso.signing;

import java.util.Map;
import java.util.Objects;
import vn.kyso.core.ServiceException;

/** Every failure of the signing module; {@link #error()} tells which. */
public class SigningException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String messageVi;

    public SigningException(SigningError error, String message) {
        super(error, message, null);
        this.messageVi = null;
    }

    public SigningException(SigningError error, String message, Throwable cause) {
        super(error, message, cause);
        this.messageVi = null;
    }

    /**
     * A refusal explained in Vietnamese as well as English; the problem response carries the Vietnamese
     * text as {@code detailVi} beside the English {@code detail}.
     */
    public SigningException(SigningError error, String message, String messageVi) {
        super(error, message, null);
        this.messageVi = Objects.requireNonNull(messageVi, "messageVi");
    }

    public SigningError error() {
        return (SigningError) errorCode();
    }

    /** The Vietnamese explanation, or null when only the English message was given. */
    public String messageVi() {
        return messageVi;
    }

    @Override
    public Map<String, Object> details() {
        return messageVi == null ? Map.of() : Map.of("detailVi", messageVi);
    }
}
