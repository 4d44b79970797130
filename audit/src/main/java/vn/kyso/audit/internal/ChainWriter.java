package vn.kyso.audit.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditException;

/**
 * Writes a batch of appends as one commit: the entries are chained in memory after the head, then
 * inserted and the head moved in one statement (compare and set on the head this process knows). If
 * another instance moved the head meanwhile, the batch is written again inside a transaction that locks
 * the head row, so under contention instances take turns instead of retrying blindly. Each append is
 * completed only after its commit returned: an entry handed back is durable.
 */
final class ChainWriter {

    /** One append waiting in the group commit. */
    static final class Pending implements GroupCommit.Item {
        final AuditEvent event;
        private AuditEntry entry;
        private RuntimeException failure;
        // Volatile: written by the leader after entry/failure, read by the waiting caller.
        private volatile boolean done;

        Pending(AuditEvent event) {
            this.event = event;
        }

        @Override
        public boolean done() {
            return done;
        }

        AuditEntry result() {
            if (failure != null) {
                // A fresh exception per caller, so each stack trace shows its own append.
                throw new AuditException(((AuditException) failure).error(), failure.getMessage(), failure);
            }
            return entry;
        }
    }

    private static final String INSERT_AFTER = "insert into kyso_audit_entry (sequence, recorded_at, actor, action,"
            + " target, outcome, detail, client_address, previous_hash, hash)"
            + " select e.s, e.t::timestamptz, e.a, e.ac, e.ta, e.o, e.d, e.c, decode(e.p, 'hex'), decode(e.h, 'hex')"
            + " from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[]) as e(s, t, a, ac, ta, o, d, c, p, h)";

    private final DataSource dataSource;
    private final Clock clock;
    /** Only the group commit's leader touches this; null when unknown. */
    private Head knownHead;

    ChainWriter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Writes the batch; every item ends done, with its entry or the batch's failure. */
    void write(List<Pending> batch) {
        try {
            List<AuditEntry> written = writeOrThrow(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).entry = written.get(i);
            }
        } catch (SQLException e) {
            knownHead = null;
            fail(batch, new AuditException(AuditError.DATABASE_UNAVAILABLE, "the audit entry cannot be written", e));
        } catch (AuditException e) {
            knownHead = null;
            fail(batch, e);
        } catch (RuntimeException e) {
            knownHead = null;
            fail(batch, new AuditException(AuditError.AUDIT_FAILED, "the audit entry cannot be written", e));
        } finally {
            for (Pending p : batch) {
                p.done = true;
            }
        }
    }

    private static void fail(List<Pending> batch, RuntimeException e) {
        for (Pending p : batch) {
            p.failure = e;
        }
    }

    private List<AuditEntry> writeOrThrow(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (knownHead != null) {
                Chained chained = chain(knownHead, batch);
                if (insertAfter(c, knownHead, chained)) {
                    knownHead = chained.last();
                    return chained.entries();
                }
            }
            // Another instance moved the head (or it is unknown): take turns on the head row.
            c.setAutoCommit(false);
            try {
                Head head = lockHead(c);
                Chained chained = chain(head, batch);
                if (!insertAfter(c, head, chained)) {
                    throw new AuditException(AuditError.AUDIT_FAILED, "the locked audit chain head moved");
                }
                c.commit();
                knownHead = chained.last();
                return chained.entries();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private record Head(long sequence, byte[] hash) {
    }

    private record Chained(List<ChainHashing.Fields> fields, List<byte[]> hashes, List<AuditEntry> entries,
            Head last) {
    }

    private Chained chain(Head head, List<Pending> batch) {
        List<ChainHashing.Fields> fields = new ArrayList<>(batch.size());
        List<byte[]> hashes = new ArrayList<>(batch.size());
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        byte[] previous = head.hash();
        long sequence = head.sequence();
        for (Pending p : batch) {
            sequence++;
            // Taken by the one leader, in sequence order, so times follow sequence order on one clock.
            Instant now = ChainHashing.storable(clock.instant());
            AuditEvent e = p.event;
            ChainHashing.Fields f = new ChainHashing.Fields(sequence, now, e.actor(), e.action().name(), e.target(),
                    e.outcome().name(), e.detail(), e.clientAddress());
            byte[] hash = ChainHashing.hash(previous, f);
            fields.add(f);
            hashes.add(hash);
            entries.add(new AuditEntry(sequence, now, e, ChainHashing.hex(previous), ChainHashing.hex(hash)));
            previous = hash;
        }
        return new Chained(fields, hashes, entries, new Head(sequence, previous));
    }

    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select sequence, hash from kyso_audit_head where id = 1 for update");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new AuditException(AuditError.AUDIT_FAILED, "the audit chain head is missing");
            }
            return new Head(r.getLong(1), r.getBytes(2));
        }
    }

    /**
     * One statement: move the head from where the batch was chained to its last entry, and insert the
     * entries only if the head moved.
     *
     * @return false if the head was not where the batch was chained, with nothing written
     */
    private static boolean insertAfter(Connection c, Head head, Chained chained) throws SQLException {
        int n = chained.fields().size();
        Long[] seq = new Long[n];
        String[][] text = new String[9][n];
        byte[] previous = head.hash();
        for (int i = 0; i < n; i++) {
            ChainHashing.Fields f = chained.fields().get(i);
            seq[i] = f.sequence();
            text[0][i] = f.recordedAt().toString();
            text[1][i] = f.actor();
            text[2][i] = f.action();
            text[3][i] = f.target();
            text[4][i] = f.outcome();
            text[5][i] = f.detail();
            text[6][i] = f.clientAddress();
            text[7][i] = ChainHashing.hex(previous);
            text[8][i] = ChainHashing.hex(chained.hashes().get(i));
            previous = chained.hashes().get(i);
        }
        String sql = "with moved as (update kyso_audit_head set sequence = ?, hash = ? where id = 1 and sequence = ?"
                + " and hash = ? returning sequence) " + INSERT_AFTER + " where exists (select 1 from moved)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, chained.last().sequence());
            s.setBytes(2, chained.last().hash());
            s.setLong(3, head.sequence());
            s.setBytes(4, head.hash());
            List<Array> arrays = new ArrayList<>();
            arrays.add(c.createArrayOf("bigint", seq));
            for (String[] column : text) {
                arrays.add(c.createArrayOf("text", column));
            }
            for (int i = 0; i < arrays.size(); i++) {
                s.setArray(5 + i, arrays.get(i));
            }
            int inserted = s.executeUpdate();
            if (inserted != 0 && inserted != n) {
                throw new AuditException(AuditError.AUDIT_FAILED, "a partial audit batch was refused");
            }
            return inserted == n;
        }
    }
}
