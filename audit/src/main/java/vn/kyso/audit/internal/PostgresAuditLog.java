package vn.kyso.audit.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bouncycastle.tsp.TimeStampToken;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.Checkpoint;
import vn.kyso.core.schema.ModuleSchema;

/**
 * The audit trail in PostgreSQL. Appends are grouped: concurrent appends of one process go into one
 * statement and one commit that inserts the entries and moves the single head row forward only if the
 * head is still the one they were chained to ({@link ChainWriter}), so the chain can neither fork nor
 * skip a number even with several instances. Nothing here updates or deletes an entry.
 */
public final class PostgresAuditLog implements AuditLog {

    /** The most appends one commit holds: bounds the statement's size and a batch's latency. */
    static final int MAX_BATCH = 256;

    private static final String COLUMNS =
            "sequence, recorded_at, actor, action, target, outcome, detail, client_address, previous_hash, hash";

    private final DataSource dataSource;
    private final AuditSettings settings;
    private final Clock clock;
    private final TimeStamps timeStamps;
    private final GroupCommit<ChainWriter.Pending> appends;

    public PostgresAuditLog(DataSource dataSource, AuditSettings settings, Clock clock) {
        this(dataSource, settings, clock, MAX_BATCH);
    }

    /** @param maxBatch the most appends one commit holds; 1 is one commit per append (the benchmark's baseline) */
    PostgresAuditLog(DataSource dataSource, AuditSettings settings, Clock clock, int maxBatch) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.timeStamps = settings.tsaUrl() == null ? null : new TimeStamps(settings.tsaUrl(), settings.tsaTimeout(),
                settings.tsaTrustAnchors());
        migrate(dataSource);
        ChainWriter writer = new ChainWriter(dataSource, clock);
        this.appends = new GroupCommit<>(maxBatch, writer::write);
    }

    static void migrate(DataSource dataSource) {
        try {
            ModuleSchema.of("audit").migrate(dataSource);
        } catch (RuntimeException e) {
            throw new AuditException(AuditError.DATABASE_UNAVAILABLE, "the audit database cannot be migrated", e);
        }
    }

    // ---------------------------------------------------------------- append

    /**
     * Queues the append in the group commit and returns once the commit that holds it returned, so the
     * entry handed back is durable. Concurrent appends share one commit (see {@link GroupCommit}).
     */
    @Override
    public AuditEntry append(AuditEvent event) {
        ChainWriter.Pending p = new ChainWriter.Pending(event);
        appends.submit(p);
        return p.result();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public List<AuditEntry> entries(long from, int limit) {
        if (from < 1 || limit < 1 || limit > MAX_PAGE) {
            throw new AuditException(AuditError.INVALID_QUERY,
                    "from is 1 or more and limit between 1 and " + MAX_PAGE);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + " from kyso_audit_entry where sequence >= ? order by sequence limit ?")) {
            s.setLong(1, from);
            s.setInt(2, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(toEntry(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("the audit entries cannot be read", e);
        }
    }

    private static AuditEntry toEntry(ResultSet r) throws SQLException {
        AuditEvent event = new AuditEvent(r.getString("actor"), parse(AuditAction.class, r.getString("action")),
                r.getString("target"), parse(AuditOutcome.class, r.getString("outcome")), r.getString("detail"),
                r.getString("client_address"));
        return new AuditEntry(r.getLong("sequence"), r.getObject("recorded_at", OffsetDateTime.class).toInstant(), event,
                ChainHashing.hex(r.getBytes("previous_hash")), ChainHashing.hex(r.getBytes("hash")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new AuditException(AuditError.AUDIT_FAILED, "an audit entry holds an unknown "
                    + type.getSimpleName() + "; verify the chain", e);
        }
    }

    @Override
    public ChainHead head() {
        try (Connection c = dataSource.getConnection()) {
            return head(c);
        } catch (SQLException e) {
            throw unavailable("the audit chain head cannot be read", e);
        }
    }

    private static ChainHead head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select sequence, hash from kyso_audit_head where id = 1");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new AuditException(AuditError.AUDIT_FAILED, "the audit chain head is missing");
            }
            return new ChainHead(r.getLong(1), ChainHashing.hex(r.getBytes(2)));
        }
    }

    // ---------------------------------------------------------------- verification

    @Override
    public ChainVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // One snapshot for entries, head and checkpoints, so appends during the check do not look like tampering.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                ChainHead head = head(c);
                ChainVerifier verifier = new ChainVerifier(settings.tsaTrustAnchors());
                try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + " from kyso_audit_entry order by sequence")) {
                    s.setFetchSize(1000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next() && verifier.accept(storedEntry(r))) {
                            // the verifier stops the read at the first broken link
                        }
                    }
                }
                List<ChainVerifier.StoredCheckpoint> checkpoints = storedCheckpoints(c);
                c.commit();
                return verifier.finish(head, checkpoints);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("the audit chain cannot be read", e);
        }
    }

    private static ChainVerifier.StoredEntry storedEntry(ResultSet r) throws SQLException {
        ChainHashing.Fields f = new ChainHashing.Fields(r.getLong("sequence"),
                r.getObject("recorded_at", OffsetDateTime.class).toInstant(), r.getString("actor"),
                r.getString("action"), r.getString("target"), r.getString("outcome"), r.getString("detail"),
                r.getString("client_address"));
        return new ChainVerifier.StoredEntry(f, r.getBytes("previous_hash"), r.getBytes("hash"));
    }

    private static List<ChainVerifier.StoredCheckpoint> storedCheckpoints(Connection c) throws SQLException {
        List<ChainVerifier.StoredCheckpoint> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select k.sequence, k.head_hash, k.token, e.hash"
                + " from kyso_audit_checkpoint k left join kyso_audit_entry e on e.sequence = k.sequence"
                + " order by k.sequence, k.id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ChainVerifier.StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getBytes(3), r.getBytes(4)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- checkpoints

    @Override
    public Checkpoint timestamp() {
        return timestamp(head());
    }

    @Override
    public Optional<Checkpoint> timestampIfAdvanced() {
        ChainHead head = head();
        List<Checkpoint> latest = checkpoints(1);
        if (!latest.isEmpty() && latest.get(0).sequence() >= head.sequence()) {
            return Optional.empty();
        }
        return Optional.of(timestamp(head));
    }

    private Checkpoint timestamp(ChainHead head) {
        if (timeStamps == null) {
            throw new AuditException(AuditError.TSA_NOT_CONFIGURED, "set kyso.audit.tsa-url to time-stamp the chain");
        }
        byte[] headHash = ChainHashing.unhex(head.hash());
        TimeStampToken token = timeStamps.request(headHash);
        Instant time = TimeStamps.time(token);
        String tsa = TimeStamps.signer(token).getSubjectX500Principal().getName();
        // V2's unique index keeps one checkpoint per head: an instance that loses the race to another
        // one's checkpoint of the same head stores nothing and answers with the winner's. (No conflict
        // target: the index is partial, and the id primary key never conflicts.)
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into kyso_audit_checkpoint"
                        + " (sequence, head_hash, timestamped_at, tsa, token) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            s.setLong(1, head.sequence());
            s.setBytes(2, headHash);
            s.setObject(3, time.atOffset(ZoneOffset.UTC));
            s.setString(4, tsa);
            s.setBytes(5, token.getEncoded());
            if (s.executeUpdate() == 0) {
                return checkpointAt(c, head.sequence());
            }
        } catch (SQLException | IOException e) {
            throw unavailable("the checkpoint cannot be stored", e);
        }
        return new Checkpoint(head.sequence(), head.hash(), time, tsa);
    }

    private static Checkpoint checkpointAt(Connection c, long sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select sequence, head_hash, timestamped_at, tsa"
                + " from kyso_audit_checkpoint where sequence = ? order by id desc limit 1")) {
            s.setLong(1, sequence);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("the checkpoint of entry " + sequence + " vanished");
                }
                return new Checkpoint(r.getLong(1), ChainHashing.hex(r.getBytes(2)),
                        r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4));
            }
        }
    }

    @Override
    public List<Checkpoint> checkpoints() {
        List<Checkpoint> newestFirst = checkpoints(MAX_PAGE);
        List<Checkpoint> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Checkpoint> checkpoints(int newest) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sequence, head_hash, timestamped_at, tsa"
                        + " from kyso_audit_checkpoint order by sequence desc, id desc limit ?")) {
            s.setInt(1, newest);
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Checkpoint(r.getLong(1), ChainHashing.hex(r.getBytes(2)),
                            r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("the checkpoints cannot be read", e);
        }
    }

    private static AuditException unavailable(String message, Exception e) {
        return new AuditException(AuditError.DATABASE_UNAVAILABLE, message, e);
    }

}
