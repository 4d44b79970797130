/**
 * The audit trail at the edge: an interceptor that records every signing, ingest, retrieval, export,
 * disposal, legal hold, conversion and archive job with its outcome, the auditor's endpoints, and the
 * periodic time-stamping of the chain head.
 */
package vn.kyso.api.audit;
