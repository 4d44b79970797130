package vn.kyso.api.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.audit.AuditAction;

/**
 * Which requests are audited, as what, and against which target. Public validations are not: their
 * uploads are not stored and anyone may make them. Paths are the decoded, normalised ones Spring
 * matches on, so another spelling of a path cannot dodge its rule.
 */
final class AuditedRequests {

    /** An audited request: the action, and the target named in the path (or null). */
    record Audited(AuditAction action, String target) {
    }

    private record Rule(String method, Pattern path, AuditAction action, Function<Matcher, String> target) {
        Optional<Audited> match(String method, String path) {
            if (!this.method.equals(method)) {
                return Optional.empty();
            }
            Matcher m = this.path.matcher(path);
            return m.matches() ? Optional.of(new Audited(action, target.apply(m))) : Optional.empty();
        }
    }

    private static final String SEGMENT = "([^/]+)";
    private static final Function<Matcher, String> NONE = m -> null;
    private static final Function<Matcher, String> FIRST = m -> m.group(1);

    private static final List<Rule> RULES = List.of(
            rule("POST", "/api/v1/signatures", AuditAction.SIGN, NONE),
            rule("POST", "/api/v1/signatures/batch", AuditAction.SIGN, NONE),
            rule("POST", "/api/v1/signatures/containers", AuditAction.SIGN, NONE),
            rule("POST", "/api/v1/signatures/" + SEGMENT + "/complete", AuditAction.SIGN,
                    m -> "prepared:" + m.group(1)),
            rule("POST", "/api/v1/records", AuditAction.INGEST, NONE),
            rule("GET", "/api/v1/records/" + SEGMENT + "/(?:content|evidence)", AuditAction.RETRIEVE, FIRST),
            rule("GET", "/api/v1/records/" + SEGMENT + "/package", AuditAction.EXPORT, FIRST),
            // A file code may contain '/' (sent as %2F, decoded here), so it takes the rest of the path.
            rule("GET", "/api/v1/files/" + SEGMENT + "/(.+)/package", AuditAction.EXPORT,
                    m -> "file:" + m.group(1) + "/" + m.group(2)),
            rule("GET", "/api/v1/records/" + SEGMENT + "/eark-package", AuditAction.EXPORT, FIRST),
            rule("GET", "/api/v1/files/" + SEGMENT + "/(.+)/eark-package", AuditAction.EXPORT,
                    m -> "file:" + m.group(1) + "/" + m.group(2)),
            rule("PUT", "/api/v1/records/" + SEGMENT + "/legal-hold", AuditAction.LEGAL_HOLD, FIRST),
            rule("POST", "/api/v1/disposal-lists", AuditAction.DISPOSAL_LIST, NONE),
            rule("POST", "/api/v1/disposal-lists/" + SEGMENT + "/approval", AuditAction.DISPOSE,
                    m -> "disposal-list:" + m.group(1)),
            rule("POST", "/api/v1/conversions", AuditAction.CONVERT, NONE),
            rule("POST", "/api/v1/letters", AuditAction.CONVERT, NONE),
            rule("POST", "/api/v1/letters/" + SEGMENT + "/signature", AuditAction.SIGN, m -> "letter:" + m.group(1)),
            // Issuing signs with the organisation's key and archives the letter: recorded as the ingest.
            rule("POST", "/api/v1/letters/" + SEGMENT + "/issue", AuditAction.INGEST, m -> "letter:" + m.group(1)),
            rule("POST", "/api/v1/archive-jobs/" + SEGMENT, AuditAction.JOB, m -> "job:" + m.group(1)),
            rule("POST", "/api/v1/audit/checkpoints", AuditAction.CHECKPOINT, NONE),
            // The administrator's changes record themselves before they are made (AuditTrail.beforeChange);
            // these rules record what was refused or failed, including requests Spring MVC turned away.
            rule("PUT", "/api/v1/admin/key-owners/" + SEGMENT, AuditAction.KEY_CHANGE, m -> "key:" + m.group(1)),
            rule("DELETE", "/api/v1/admin/key-owners/" + SEGMENT, AuditAction.KEY_CHANGE, m -> "key:" + m.group(1)),
            rule("POST", "/api/v1/admin/api-keys", AuditAction.PERMISSION_CHANGE, NONE),
            rule("DELETE", "/api/v1/admin/api-keys/" + SEGMENT, AuditAction.PERMISSION_CHANGE,
                    m -> "api-key:" + m.group(1)),
            // Every exchange call, refusals included; the controller notes the DocumentId and StatusCode.
            rule("POST", "/api/v1/exchange/(?:outgoing|incoming|follow-up|status)", AuditAction.EXCHANGE, NONE));

    private AuditedRequests() {
    }

    private static Rule rule(String method, String regex, AuditAction action, Function<Matcher, String> target) {
        return new Rule(method, Pattern.compile(regex + "/?"), action, target);
    }

    static Optional<Audited> classify(String method, String path) {
        for (Rule r : RULES) {
            Optional<Audited> a = r.match(method, path);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }
}
