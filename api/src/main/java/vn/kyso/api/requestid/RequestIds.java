package vn.kyso.api.requestid;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id: the caller's {@code X-Request-Id} when it is a plain token of at most 128 characters,
 * otherwise a fresh UUID. It is in the MDC (key {@code requestId}) for every log line written while the
 * request is handled, in the response's {@code X-Request-Id} header and in every problem response.
 */
public final class RequestIds {

    /** The header read from the caller and echoed in the response. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, and the property of problem responses. */
    public static final String MDC_KEY = "requestId";
    /** The request attribute holding the id, for code that runs after the MDC is cleared. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    static final int MAX_LENGTH = 128;
    // Letters, digits and the punctuation of UUIDs, trace ids and ULIDs: nothing that could break a
    // log line, a header or a JSON string the id is copied into.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:=+-]{0," + (MAX_LENGTH - 1) + "}");

    private RequestIds() {
    }

    /** The caller's id if acceptable, else a new one. */
    static String accept(String offered) {
        return offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request being handled, from the request or else the MDC. */
    public static Optional<String> of(HttpServletRequest request) {
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof String id) {
            return Optional.of(id);
        }
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
