package vn.kyso.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.kyso.access.Caller;

/**
 * Security disabled only: the {@code X-Kyso-Actor} header or an {@code actor} form field names the actor,
 * with every role. With security enabled this filter is not installed, so both are ignored and nobody can
 * pick their own name: the actor is the authenticated principal.
 *
 * <p>Vietnamese names (issue #12): HTTP header values are Latin-1 to the servlet container, so a client
 * that sends "Nguyễn Thị Thư" as raw UTF-8 arrives as mojibake, and a browser refuses to send it at all.
 * The header is therefore read back as UTF-8 when its bytes are valid UTF-8, and the letters page sends
 * the name as a form field, which the request decodes as UTF-8. A request without a form (the letters page's
 * JSON completion of a remote signature) sends the header in RFC 8187's extended notation,
 * {@code UTF-8''Nguy%E1%BB%85n%20Th%E1%BB%8B%20Th%C6%B0}: raw UTF-8 bytes 0x80–0x9F are control characters to
 * Spring Security's firewall, which refuses them with a bare 400.
 */
final class ActorHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kyso-Actor";
    static final String FIELD = "actor";
    /** The start of an RFC 8187 ext-value with the UTF-8 charset and no language. */
    static final String EXTENDED = "UTF-8''";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = actor(request);
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(Caller.unrestricted(actor), "header"));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** The header (as UTF-8), else the form field; null when neither names anyone. */
    static String actor(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.regionMatches(true, 0, EXTENDED, 0, EXTENDED.length()) ? extended(header).strip()
                    : utf8(header).strip();
        }
        String contentType = request.getContentType();
        boolean form = contentType != null && (contentType.startsWith("multipart/form-data")
                || contentType.startsWith("application/x-www-form-urlencoded"));
        String field = form ? request.getParameter(FIELD) : null;
        return field == null || field.isBlank() ? null : field.strip();
    }

    /** RFC 8187's ext-value: UTF-8 percent-encoded after {@code UTF-8''}; the value as it came if malformed. */
    static String extended(String value) {
        String encoded = value.substring(EXTENDED.length());
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The header's characters taken as the bytes they were, decoded as UTF-8 if they are valid UTF-8. */
    static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                return latin1; // already decoded by someone else
            }
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return latin1; // a Latin-1 name such as "José"
        }
    }
}
