package vn.kyso.api.metrics;

import java.util.List;
import java.util.Optional;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.Checkpoint;

/**
 * Times every audit append ({@code kyso.audit.append.duration}): each signature waits for its entry to be
 * committed before the signed bytes leave (docs/audit.md), so this is the part of a signing request that
 * belongs to the audit database, and the first place to look when signing slows down but the HSM does not.
 * Everything else passes through untouched.
 */
final class MeteredAuditLog implements AuditLog {

    private final AuditLog delegate;
    private final KysoMeters meters;

    MeteredAuditLog(AuditLog delegate, KysoMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        long start = System.nanoTime();
        try {
            AuditEntry entry = delegate.append(event);
            meters.auditAppend(KysoMeters.OK, System.nanoTime() - start);
            return entry;
        } catch (RuntimeException e) {
            meters.auditAppend(KysoMeters.outcome(e), System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public ChainVerification verify() {
        return delegate.verify();
    }

    @Override
    public List<AuditEntry> entries(long from, int limit) {
        return delegate.entries(from, limit);
    }

    @Override
    public ChainHead head() {
        return delegate.head();
    }

    @Override
    public Checkpoint timestamp() {
        return delegate.timestamp();
    }

    @Override
    public Optional<Checkpoint> timestampIfAdvanced() {
        return delegate.timestampIfAdvanced();
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return delegate.checkpoints();
    }

    @Override
    public String toString() {
        return "Metered" + delegate;
    }
}
