package vn.kyso.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/** Who a request comes from, for the rate limit. */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longer than any IPv6 address with zone; a longer entry is not an address and must not grow the map. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /**
     * The connection's address, or with {@code trustForwardedFor} the last X-Forwarded-For entry: the one
     * our own proxy appended. Earlier entries are whatever the client chose to send, so they are never used.
     */
    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String last = null;
            for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
                for (String entry : header.split(",")) {
                    if (!entry.isBlank()) {
                        last = entry.strip();
                    }
                }
            }
            if (last != null) {
                return last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) : last;
            }
        }
        return request.getRemoteAddr();
    }
}
