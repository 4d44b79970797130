package vn.kyso.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.Checkpoint;

/** Keeps appended events in memory for controller slices; the real chain is tested in kyso-audit. */
class RecordingAuditLog implements AuditLog {

    static final String ZERO = "0".repeat(64);

    final List<AuditEntry> entries = new ArrayList<>();
    int checkpointsTaken;
    RuntimeException checkpointFailure;

    @Override
    public synchronized AuditEntry append(AuditEvent event) {
        AuditEntry e = new AuditEntry(entries.size() + 1, Instant.parse("2026-11-23T10:00:00Z"), event, ZERO,
                String.format("%064x", entries.size() + 1));
        entries.add(e);
        return e;
    }

    @Override
    public ChainVerification verify() {
        return new ChainVerification(true, entries.size(), head(), null, List.of());
    }

    @Override
    public synchronized List<AuditEntry> entries(long from, int limit) {
        return entries.stream().filter(e -> e.sequence() >= from).limit(limit).toList();
    }

    @Override
    public synchronized ChainHead head() {
        return entries.isEmpty() ? new ChainHead(0, ZERO)
                : new ChainHead(entries.size(), entries.get(entries.size() - 1).hash());
    }

    @Override
    public Checkpoint timestamp() {
        ChainHead h = head();
        return new Checkpoint(h.sequence(), h.hash(), Instant.parse("2026-11-23T10:00:01Z"), "CN=Demo TSA");
    }

    @Override
    public synchronized Optional<Checkpoint> timestampIfAdvanced() {
        if (checkpointFailure != null) {
            throw checkpointFailure;
        }
        checkpointsTaken++;
        return Optional.of(timestamp());
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return List.of();
    }

    synchronized void reset() {
        entries.clear();
        checkpointsTaken = 0;
        checkpointFailure = null;
    }
}
