package vn.kyso.conversion;

import vn.kyso.core.ServiceException;

/** Input that cannot be detected, extracted or converted; the message is safe to show to a client. */
public class ConversionException extends ServiceException {

    private static final long serialVersionUID = 1L;

    /** The refusal in Vietnamese, shown as {@code detailVi} beside the English detail; null if none. */
    private final String messageVi;

    public ConversionException(ConversionError error, String message) {
        super(error, message, null);
        this.messageVi = null;
    }

    public ConversionException(ConversionError error, String message, Throwable cause) {
        super(error, message, cause);
        this.messageVi = null;
    }

    /** A refusal explained in Vietnamese as well; the problem response carries it as {@code detailVi}. */
    public ConversionException(ConversionError error, String message, String messageVi) {
        super(error, message, null);
        this.messageVi = java.util.Objects.requireNonNull(messageVi, "messageVi");
    }

    /** The Vietnamese explanation, or null when only the English message was given. */
    public String messageVi() {
        return messageVi;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return messageVi == null ? java.util.Map.of() : java.util.Map.of("detailVi", messageVi);
    }

    public ConversionError error() {
        return (ConversionError) errorCode();
    }
}
