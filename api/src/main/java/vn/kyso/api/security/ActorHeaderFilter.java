package vn.kyso.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * the name as a form field, which the request decodes as UTF-8.
 */
final class ActorHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kyso-Actor";
    static final String FIELD = "actor";

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
            return utf8(header).strip();
        }
        String contentType = request.getContentType();
        boolean form = contentType != null && (contentType.startsWith("multipart/form-data")
                || contentType.startsWith("application/x-www-form-urlencoded"));
        String field = form ? request.getParameter(FIELD) : null;
        return field == null || field.isBlank() ? null : field.strip();
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
