/**
 * The audit trail's implementation: the PostgreSQL tables, the chain's canonical form and hashing,
 * and the RFC 3161 client for checkpoints.
 */
package vn.kyso.audit.internal;
