package vn.kyso.access;

import java.util.Locale;
import java.util.Optional;

/** The roles of issue #5; a token or API key grants one or more. */
public enum Role {
    /** Văn thư: signs with the organisation's keys, sends and receives edXML, files documents. */
    CLERK,
    /** Người ký có thẩm quyền: signs with their own personal key only. */
    SIGNER,
    /** Lưu trữ viên: reads and manages the archive. */
    ARCHIVIST,
    /** Another agency's document system, or our own exchange gateway. */
    EXCHANGE_SYSTEM,
    /** Binds HSM keys to their owners and issues and revokes API keys; nothing about documents. */
    ADMINISTRATOR,
    /** Reads and checkpoints the audit trail; nothing else. */
    AUDITOR,
    /** Scrapes the service's metrics ({@code /actuator/prometheus}): Prometheus's credential; nothing else. */
    MONITOR;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Accepts {@code clerk}, {@code CLERK}, {@code exchange-system}; anything else is not ours (empty). */
    public static Optional<Role> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
