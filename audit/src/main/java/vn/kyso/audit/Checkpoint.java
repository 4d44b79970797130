package vn.kyso.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A time-stamp token over the chain head: proof that entries 1 to {@code sequence} existed, exactly
 * as they are, at {@code timestampedAt}.
 *
 * @param sequence      the last entry covered
 * @param headHash      that entry's hash, hex: the token's message imprint
 * @param timestampedAt the token's genTime, as the TSA signed it
 * @param tsa           the TSA certificate's subject
 */
public record Checkpoint(long sequence, String headHash, Instant timestampedAt, String tsa) {

    public Checkpoint {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(timestampedAt, "timestampedAt");
        Objects.requireNonNull(tsa, "tsa");
    }
}
