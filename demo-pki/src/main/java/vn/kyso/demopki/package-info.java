/**
 * A generated, self-contained demo PKI for tests, samples and benchmarks: two Vietnamese CA families,
 * end-entity keys in SoftHSM2 tokens, and loopback OCSP, CRL and time-stamp responders, so that
 * long-term signature levels (B-T, B-LT, B-LTA) can be produced and validated offline. A module of its
 * own, kept out of the production jar (ADR 0012): only the demo adapters ({@code *.demo} packages) and
 * tests use it.
 */
package vn.kyso.demopki;
