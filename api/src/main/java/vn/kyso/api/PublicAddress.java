package vn.kyso.api;

import java.net.URI;
import java.util.function.IntSupplier;

/**
 * The address citizens reach this service at ({@code kyso.api.public-url}), for the links in verification
 * QR codes. Configured rather than taken from a request's Host header, which a client controls. Required
 * outside the demo, checked at start-up; in the demo, when it is not set, it follows the port the server
 * really listens on (links used to say {@code http://localhost:8080} whatever the port).
 */
public final class PublicAddress {

    static final String PROPERTY = "kyso.api.public-url";

    private final String fixed;
    private final IntSupplier port;

    private PublicAddress(String fixed, IntSupplier port) {
        this.fixed = fixed;
        this.port = port;
    }

    /**
     * @param configured the setting, or null/blank
     * @param demo       whether the demo runs (kyso.demo.enabled)
     * @param port       the port the server listens on, once it does
     * @throws IllegalStateException when the setting is missing outside the demo, or is not an http(s) URL
     *                               without query or fragment
     */
    static PublicAddress of(String configured, boolean demo, IntSupplier port) {
        if (configured != null && !configured.isBlank()) {
            String url = configured.strip().replaceAll("/+$", "");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PROPERTY + " is not a URL: " + configured, e);
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalStateException(PROPERTY + " must be an http(s) address without query or fragment, "
                        + "e.g. https://kyso.example.gov.vn; got " + configured);
            }
            return new PublicAddress(url, null);
        }
        if (!demo) {
            throw new IllegalStateException(PROPERTY + " is required outside the demo: the address citizens reach "
                    + "this service at, e.g. https://kyso.example.gov.vn (it goes into the verification QR codes of "
                    + "issued letters). Set it, or KYSO_API_PUBLIC_URL, and start again.");
        }
        return new PublicAddress(null, port);
    }

    /** The base address without a trailing slash, e.g. {@code https://kyso.example.gov.vn}. */
    public String base() {
        return fixed != null ? fixed : "http://localhost:" + port.getAsInt();
    }

    /** The public verification page. */
    public String verifyUrl() {
        return base() + "/verify";
    }
}
