/**
 * A generated, self-contained demo PKI for tests, samples and benchmarks: two Vietnamese CA families,
 * end-entity keys in SoftHSM2 tokens, and loopback OCSP, CRL and time-stamp responders, so that
 * long-term signature levels (B-T, B-LT, B-LTA) can be produced and validated offline.
 */
package vn.kyso.core.demopki;
