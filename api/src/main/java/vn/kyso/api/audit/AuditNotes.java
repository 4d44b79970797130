package vn.kyso.api.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a controller say why it refused, in the audit entry the interceptor writes for the request: one
 * entry per request, whoever refused it.
 */
public final class AuditNotes {

    static final String ATTRIBUTE = AuditNotes.class.getName() + ".note";
    static final String TARGET = AuditNotes.class.getName() + ".target";

    private AuditNotes() {
    }

    /** Appended to the entry's detail; call it from the thread handling the request. */
    public static void note(String text) {
        set(ATTRIBUTE, text);
    }

    /** The entry's target, when the path does not name it (a new API key's id is in the body). */
    public static void target(String target) {
        set(TARGET, target);
    }

    private static void set(String name, String value) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
