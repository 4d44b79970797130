/**
 * The audit trail: an append-only log of who did what to which record or key, hash-chained so that
 * an edited, deleted or reordered entry is detected, with RFC 3161 time-stamped checkpoints of the
 * chain head. {@link vn.kyso.audit.AuditLog} is the facade.
 */
package vn.kyso.audit;
