package vn.kyso.audit;

import java.util.Objects;

/**
 * One thing to record. Free text is bounded and stripped of control characters; {@code detail} is a
 * short description and never carries a secret (PIN, password, document content).
 *
 * @param actor         who did it: a user name, or {@code anonymous}
 * @param action        what was done
 * @param target        what it was done to (record id, key alias, file code), or null
 * @param outcome       how it ended
 * @param detail        a short description, or null
 * @param clientAddress the client's network address, or null
 */
public record AuditEvent(String actor, AuditAction action, String target, AuditOutcome outcome, String detail,
        String clientAddress) {

    public static final int MAX_ACTOR = 128;
    public static final int MAX_TARGET = 256;
    public static final int MAX_DETAIL = 512;
    public static final int MAX_ADDRESS = 64;

    public AuditEvent {
        actor = clean(actor, MAX_ACTOR);
        if (actor == null) {
            throw new AuditException(AuditError.INVALID_EVENT, "an audit event needs an actor");
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        target = clean(target, MAX_TARGET);
        detail = clean(detail, MAX_DETAIL);
        clientAddress = clean(clientAddress, MAX_ADDRESS);
    }

    public static AuditEvent of(String actor, AuditAction action, String target, AuditOutcome outcome) {
        return new AuditEvent(actor, action, target, outcome, null, null);
    }

    /** Control characters would let a value forge line breaks in exports; over-long values are cut. */
    private static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), max));
        value.codePoints().forEach(c -> {
            if (b.length() < max) {
                b.appendCodePoint(Character.isISOControl(c) ? ' ' : c);
            }
        });
        String s = b.toString().strip();
        if (s.length() > max) {
            s = s.substring(0, max);
        }
        return s.isEmpty() ? null : s;
    }
}
