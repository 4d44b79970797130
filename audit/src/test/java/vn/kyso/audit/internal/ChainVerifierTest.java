package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.ChainVerification.BreakReason;
import vn.kyso.audit.ChainVerification.CheckpointCheck;
import vn.kyso.audit.internal.ChainVerifier.StoredCheckpoint;
import vn.kyso.audit.internal.ChainVerifier.StoredEntry;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;

/** The chain check on plain values, without PostgreSQL: every way of tampering named by the verdict. */
class ChainVerifierTest {

    static final Instant T0 = Instant.parse("2026-12-05T02:00:00.123456Z");

    /** A clean chain of {@code n} entries, hashed as PostgresAuditLog appends them. */
    static List<StoredEntry> chain(int n) {
        List<StoredEntry> out = new ArrayList<>();
        byte[] previous = ChainHashing.GENESIS;
        for (int i = 1; i <= n; i++) {
            StoredEntry e = entry(fields(i, "van-thu-0" + (i % 3)), previous);
            out.add(e);
            previous = e.hash();
        }
        return out;
    }

    static ChainHashing.Fields fields(long sequence, String actor) {
        return new ChainHashing.Fields(sequence, T0.plusSeconds(sequence), actor, "SIGN", "record-" + sequence,
                "OK", "HTTP 200, lần " + sequence, "10.0.0." + sequence);
    }

    static StoredEntry entry(ChainHashing.Fields f, byte[] previous) {
        return new StoredEntry(f, previous, ChainHashing.hash(previous, f));
    }

    static ChainHead headOf(List<StoredEntry> entries) {
        StoredEntry last = entries.get(entries.size() - 1);
        return new ChainHead(last.fields().sequence(), ChainHashing.hex(last.hash()));
    }

    static ChainVerification verify(List<StoredEntry> entries, ChainHead head) {
        return ChainVerifier.verify(entries, head, List.of(), List.of());
    }

    @Test
    void aCleanChainVerifies() {
        List<StoredEntry> entries = chain(5);
        ChainVerification v = verify(entries, headOf(entries));
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.firstBroken()).isNull();
    }

    @Test
    void anEmptyLogVerifiesAgainstTheGenesisHead() {
        ChainVerification v = verify(List.of(), new ChainHead(0, ChainHashing.hex(ChainHashing.GENESIS)));
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isZero();
    }

    @Test
    void aChangedFieldIsAnEdit() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        ChainHead head = headOf(entries);
        StoredEntry original = entries.get(2);
        entries.set(2, new StoredEntry(fields(3, "someone-else"), original.previousHash(), original.hash()));

        ChainVerification v = verify(entries, head);

        assertThat(v.ok()).isFalse();
        assertThat(v.checked()).isEqualTo(3);
        assertThat(v.firstBroken().sequence()).isEqualTo(3);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.EDITED);
        assertThat(v.firstBroken().message()).contains("a field was changed");
    }

    @Test
    void aRemovedEntryIsADeletion() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        ChainHead head = headOf(entries);
        entries.remove(1);

        ChainVerification v = verify(entries, head);

        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(2);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
        assertThat(v.firstBroken().message()).isEqualTo("entries 2 are missing");
    }

    @Test
    void entriesCutFromTheEndAreADeletionNamedByTheHead() {
        List<StoredEntry> entries = chain(5);
        ChainHead head = headOf(entries);

        ChainVerification v = verify(entries.subList(0, 3), head);

        assertThat(v.ok()).isFalse();
        assertThat(v.checked()).isEqualTo(3);
        assertThat(v.firstBroken().sequence()).isEqualTo(4);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
        assertThat(v.firstBroken().message()).contains("cut from the end");
    }

    @Test
    void swappedEntriesAreAReordering() {
        List<StoredEntry> entries = new ArrayList<>(chain(5));
        ChainHead head = headOf(entries);
        StoredEntry third = entries.get(2);
        StoredEntry fourth = entries.get(3);
        // the rows exchange their sequence numbers, as an UPDATE of the sequence column would
        entries.set(2, new StoredEntry(renumber(fourth.fields(), 3), fourth.previousHash(), fourth.hash()));
        entries.set(3, new StoredEntry(renumber(third.fields(), 4), third.previousHash(), third.hash()));

        ChainVerification v = verify(entries, head);

        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(3);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.REORDERED);
        assertThat(v.firstBroken().message()).contains("moved, swapped or inserted");
    }

    @Test
    void entriesFedOutOfOrderAreNamed() {
        List<StoredEntry> entries = new ArrayList<>(chain(3));
        ChainHead head = headOf(entries);
        entries.add(0, entries.remove(1));

        ChainVerification v = verify(entries, head);

        assertThat(v.firstBroken().sequence()).isEqualTo(1);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
        assertThat(v.checked()).isEqualTo(1);
    }

    @Test
    void aForgedHeadIsCaught() {
        List<StoredEntry> entries = chain(5);
        ChainHead real = headOf(entries);

        ChainVerification otherHash = verify(entries, new ChainHead(5, ChainHashing.hex(entries.get(1).hash())));
        assertThat(otherHash.ok()).isFalse();
        assertThat(otherHash.firstBroken().reason()).isEqualTo(BreakReason.EDITED);
        assertThat(otherHash.firstBroken().message()).isEqualTo("the chain head does not match the last entry");

        ChainVerification behind = verify(entries, new ChainHead(4, ChainHashing.hex(entries.get(3).hash())));
        assertThat(behind.ok()).isFalse();
        assertThat(behind.firstBroken().sequence()).isEqualTo(4);
        assertThat(behind.firstBroken().reason()).isEqualTo(BreakReason.EDITED);

        assertThat(verify(entries, real).ok()).isTrue();
    }

    @Test
    void anUnreadableCheckpointTokenFailsTheVerification() {
        List<StoredEntry> entries = chain(2);
        byte[] head = entries.get(1).hash();
        ChainVerification v = ChainVerifier.verify(entries, headOf(entries),
                List.of(new StoredCheckpoint(2, head, new byte[] {1, 2, 3}, head)), List.of());

        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken()).isNull();
        assertThat(v.checkpoints()).singleElement().satisfies(c -> {
            assertThat(c.valid()).isFalse();
            assertThat(c.timestampedAt()).isNull();
            assertThat(c.problem()).isEqualTo("the time-stamp token cannot be read");
        });
    }

    /**
     * Someone with write access rewrites entry 3 and rehashes everything after it, head included: the
     * chain holds, and only the time-stamped checkpoint over the old entry 3 tells.
     */
    @Test
    void aRewrittenChainWithAForgedHeadIsCaughtByItsCheckpoint() throws Exception {
        DemoPki pki = DemoPkiFixture.shared();
        var anchors = pki.trustAnchors(KeyFamily.SPECIALISED);
        List<StoredEntry> original = chain(5);
        byte[] covered = original.get(2).hash();
        TimeStampToken token = new TimeStamps(URI.create(pki.tsaUrl()), Duration.ofSeconds(10), anchors)
                .request(covered);

        List<StoredEntry> rewritten = new ArrayList<>(original.subList(0, 2));
        byte[] previous = rewritten.get(1).hash();
        for (int i = 3; i <= 5; i++) {
            StoredEntry e = entry(fields(i, i == 3 ? "someone-else" : "van-thu-0" + (i % 3)), previous);
            rewritten.add(e);
            previous = e.hash();
        }
        ChainHead forged = headOf(rewritten);

        StoredCheckpoint honest = new StoredCheckpoint(3, covered, token.getEncoded(), covered);
        assertThat(ChainVerifier.verify(original, headOf(original), List.of(honest), anchors).ok()).isTrue();

        StoredCheckpoint afterRewrite = new StoredCheckpoint(3, covered, token.getEncoded(), rewritten.get(2).hash());
        ChainVerification v = ChainVerifier.verify(rewritten, forged, List.of(afterRewrite), anchors);

        assertThat(v.firstBroken()).isNull();
        assertThat(v.ok()).isFalse();
        assertThat(v.checkpoints()).singleElement().extracting(CheckpointCheck::valid, CheckpointCheck::problem)
                .containsExactly(false, "entry 3 has changed since it was time-stamped");

        StoredCheckpoint entryGone = new StoredCheckpoint(3, covered, token.getEncoded(), null);
        assertThat(ChainVerifier.verify(rewritten, forged, List.of(entryGone), anchors).checkpoints())
                .singleElement().extracting(CheckpointCheck::problem).isEqualTo("entry 3 is missing");
    }

    private static ChainHashing.Fields renumber(ChainHashing.Fields f, long sequence) {
        return new ChainHashing.Fields(sequence, f.recordedAt(), f.actor(), f.action(), f.target(), f.outcome(),
                f.detail(), f.clientAddress());
    }
}
