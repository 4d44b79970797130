/**
 * Benchmarks of the whole service against the deployment an agency would otherwise pick: DSS's own REST
 * services (signature, server signing, validation) on Apache CXF, configured as DSS's demonstration
 * webapp does, on the same HSM key, TSA and OCSP. Test code only, run by scripts/bench.sh (ADR 0024).
 */
package vn.kyso.bench;
