package vn.kyso.api.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a controller say why it refused, in the audit entry the interceptor writes for the request: one
 * entry per request, whoever refused it.
 */
public final class AuditNotes {

    static final String ATTRIBUTE = AuditNotes.class.getName() + ".note";

    private AuditNotes() {
    }

    /** Appended to the entry's detail; call it from the thread handling the request. */
    public static void note(String text) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ATTRIBUTE, text, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
