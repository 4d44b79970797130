/**
 * The service's own Prometheus meters (docs/operations.md, "Metrics"): signatures, verdicts, ingests, the
 * ingest backlog, preservation jobs and the latency of the HSM, TSA and OCSP. The modules know nothing of
 * Micrometer: their facades are decorated here, and signing reports latencies through its
 * {@link vn.kyso.signing.SigningTimings} port.
 */
package vn.kyso.api.metrics;
