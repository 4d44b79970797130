package vn.kyso.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an auditor's check of the whole log found.
 *
 * @param ok          every link holds and every checkpoint is valid
 * @param checked     entries read, up to and including the first broken link
 * @param head        the chain head the log claims
 * @param firstBroken the first broken link, or null
 * @param checkpoints every checkpoint with its verdict
 */
public record ChainVerification(boolean ok, long checked, ChainHead head, BrokenLink firstBroken,
        List<CheckpointCheck> checkpoints) {

    public ChainVerification {
        Objects.requireNonNull(head, "head");
        checkpoints = List.copyOf(checkpoints);
        if (ok && (firstBroken != null || checkpoints.stream().anyMatch(c -> !c.valid()))) {
            throw new IllegalArgumentException("a chain with a broken link or checkpoint is not ok");
        }
    }

    /** Why a link is broken. */
    public enum BreakReason {
        /** The entry's fields no longer give its stored hash. */
        EDITED,
        /** A sequence number is missing, or the head names entries that are gone. */
        DELETED,
        /** The entry does not follow the one before it: moved, swapped or inserted. */
        REORDERED
    }

    /**
     * @param sequence where the chain first breaks
     * @param reason   how
     * @param message  what exactly, for the auditor
     */
    public record BrokenLink(long sequence, BreakReason reason, String message) {
        public BrokenLink {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param sequence      the last entry the checkpoint claims to cover
     * @param timestampedAt the token's time, or null when the token cannot be read
     * @param valid         the token is intact, signed by its TSA certificate, and its imprint is the hash
     *                      the entry at {@code sequence} has now
     * @param problem       why not, or null
     */
    public record CheckpointCheck(long sequence, Instant timestampedAt, boolean valid, String problem) {
    }
}
