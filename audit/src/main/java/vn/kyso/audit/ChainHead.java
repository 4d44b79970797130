package vn.kyso.audit;

import java.util.Objects;

/**
 * The end of the chain.
 *
 * @param sequence the last entry's sequence number, 0 when the log is empty
 * @param hash     its hash, hex; 64 zeros when the log is empty
 */
public record ChainHead(long sequence, String hash) {

    public ChainHead {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence is 0 or more");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
