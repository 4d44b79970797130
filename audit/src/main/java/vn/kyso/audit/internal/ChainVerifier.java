package vn.kyso.audit.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.tsp.TimeStampToken;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.ChainVerification.BreakReason;
import vn.kyso.audit.ChainVerification.BrokenLink;
import vn.kyso.audit.ChainVerification.CheckpointCheck;

/**
 * The auditor's check of the chain without a database: entries are fed in sequence order, then the
 * head and the checkpoints are checked. Kept apart from {@link PostgresAuditLog} so that every way of
 * tampering can be tested on plain values, and so that an exported log (or another store) can be
 * verified by the same code. Streaming rather than a list, because a real log is read with a cursor.
 * Not thread-safe: one instance per verification.
 */
final class ChainVerifier {

    /**
     * An entry exactly as stored: the hashed fields as strings (an edited row must still hash), the
     * previous hash it was chained to and its own hash.
     */
    record StoredEntry(ChainHashing.Fields fields, byte[] previousHash, byte[] hash) {
        StoredEntry {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /**
     * A checkpoint as stored, with the hash the entry it covers has now.
     *
     * @param entryHash the current hash of entry {@code sequence}, or null when that entry is gone
     */
    record StoredCheckpoint(long sequence, byte[] headHash, byte[] token, byte[] entryHash) {
    }

    private final List<X509Certificate> tsaTrustAnchors;
    private long checked;
    private long expected = 1;
    private byte[] running = ChainHashing.GENESIS;
    private BrokenLink broken;

    /** @param tsaTrustAnchors the roots a checkpoint's TSA must chain to; empty checks only the token's own signature */
    ChainVerifier(List<X509Certificate> tsaTrustAnchors) {
        this.tsaTrustAnchors = List.copyOf(tsaTrustAnchors);
    }

    /** Verifies a whole log held in memory. */
    static ChainVerification verify(List<StoredEntry> entries, ChainHead head, List<StoredCheckpoint> checkpoints,
            List<X509Certificate> tsaTrustAnchors) {
        ChainVerifier verifier = new ChainVerifier(tsaTrustAnchors);
        for (StoredEntry e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.finish(head, checkpoints);
    }

    /**
     * Checks the next entry in sequence order.
     *
     * @return false once the chain is broken: reading further cannot change the verdict
     */
    boolean accept(StoredEntry entry) {
        if (broken != null) {
            return false;
        }
        checked++;
        broken = check(entry, expected, running);
        if (broken != null) {
            return false;
        }
        running = entry.hash();
        expected++;
        return true;
    }

    /** The verdict, once every entry has been fed (or the first break found). */
    ChainVerification finish(ChainHead head, List<StoredCheckpoint> checkpoints) {
        BrokenLink link = broken != null ? broken : checkHead(head, expected - 1, running);
        List<CheckpointCheck> checks = new ArrayList<>();
        for (StoredCheckpoint k : checkpoints) {
            checks.add(checkCheckpoint(k));
        }
        boolean ok = link == null && checks.stream().allMatch(CheckpointCheck::valid);
        return new ChainVerification(ok, checked, head, link, checks);
    }

    /**
     * The first test that fails names the break: a missing number is a deletion; an entry whose
     * recorded previous hash is not the hash before it was moved or inserted; an entry whose fields no
     * longer give its hash was edited.
     */
    private static BrokenLink check(StoredEntry entry, long expected, byte[] running) {
        long sequence = entry.fields().sequence();
        if (sequence != expected) {
            return new BrokenLink(expected, BreakReason.DELETED, sequence > expected
                    ? "entries " + expected + (sequence - 1 > expected ? " to " + (sequence - 1) : "")
                            + " are missing"
                    : "entry " + sequence + " is out of order");
        }
        if (!Arrays.equals(entry.previousHash(), running)) {
            return new BrokenLink(sequence, BreakReason.REORDERED,
                    "entry " + sequence + " does not follow entry " + (sequence - 1)
                            + ": it was moved, swapped or inserted");
        }
        if (!Arrays.equals(ChainHashing.hash(entry.previousHash(), entry.fields()), entry.hash())) {
            return new BrokenLink(sequence, BreakReason.EDITED,
                    "entry " + sequence + " no longer matches its hash: a field was changed");
        }
        return null;
    }

    private static BrokenLink checkHead(ChainHead head, long last, byte[] lastHash) {
        if (head.sequence() > last) {
            return new BrokenLink(last + 1, BreakReason.DELETED, "the chain head names entry " + head.sequence()
                    + " but the log ends at " + last + ": entries were cut from the end");
        }
        if (head.sequence() < last || !head.hash().equals(ChainHashing.hex(lastHash))) {
            return new BrokenLink(head.sequence(), BreakReason.EDITED,
                    "the chain head does not match the last entry");
        }
        return null;
    }

    private CheckpointCheck checkCheckpoint(StoredCheckpoint k) {
        TimeStampToken parsed;
        try {
            parsed = TimeStamps.parse(k.token());
        } catch (IOException e) {
            return new CheckpointCheck(k.sequence(), null, false, "the time-stamp token cannot be read");
        }
        Instant time = TimeStamps.time(parsed);
        String problem = TimeStamps.problem(parsed, k.headHash(), tsaTrustAnchors);
        if (problem != null) {
            return new CheckpointCheck(k.sequence(), time, false, problem);
        }
        byte[] expectedHash = k.sequence() == 0 ? ChainHashing.GENESIS : k.entryHash();
        if (expectedHash == null) {
            return new CheckpointCheck(k.sequence(), time, false, "entry " + k.sequence() + " is missing");
        }
        if (!Arrays.equals(expectedHash, k.headHash())) {
            return new CheckpointCheck(k.sequence(), time, false,
                    "entry " + k.sequence() + " has changed since it was time-stamped");
        }
        return new CheckpointCheck(k.sequence(), time, true, null);
    }
}
