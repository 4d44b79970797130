package vn.kyso.exchange;

import java.util.List;
import java.util.Objects;
import vn.kyso.signing.SignatureLevel;

/**
 * How this service exchanges.
 *
 * @param organs         the agencies this service sends and receives for, each with its specialised
 *                       key; the first is the default receiver
 * @param level          the signature level of messages and status messages
 * @param maxMessageSize the largest message accepted, in bytes
 * @param fondCode       the archive fond incoming letters are filed under
 * @param preservationYears the preservation period of archived incoming letters, null for permanent
 */
public record ExchangeSettings(List<LocalOrgan> organs, SignatureLevel level, long maxMessageSize,
        String fondCode, Integer preservationYears) {

    public ExchangeSettings {
        organs = List.copyOf(Objects.requireNonNull(organs, "organs"));
        if (organs.isEmpty()) {
            throw new IllegalArgumentException("at least one agency is required");
        }
        if (organs.stream().map(o -> o.organ().organId()).distinct().count() != organs.size()) {
            throw new IllegalArgumentException("each agency once");
        }
        level = level == null ? SignatureLevel.B_T : level;
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 KB");
        }
        fondCode = fondCode == null || fondCode.isBlank() ? "EDXML" : fondCode.strip();
    }

    /** The default receiver: the first agency. */
    public LocalOrgan defaultOrgan() {
        return organs.get(0);
    }

    /** The agency with this identifier, or null. */
    public LocalOrgan organ(String organId) {
        return organs.stream().filter(o -> o.organ().organId().equals(organId)).findFirst().orElse(null);
    }

    /**
     * An agency this service acts for.
     *
     * @param organ    its identifier and name
     * @param keyAlias its specialised signing key
     */
    public record LocalOrgan(Organ organ, String keyAlias) {
        public LocalOrgan {
            Objects.requireNonNull(organ, "organ");
            if (keyAlias == null || keyAlias.isBlank()) {
                throw new IllegalArgumentException("keyAlias is required");
            }
        }
    }
}
