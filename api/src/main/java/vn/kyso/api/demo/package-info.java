/**
 * The zero-setup demo: a generated PKI with loopback OCSP, CRL and TSA, and its keys in SoftHSM2
 * tokens, switched on by {@code kyso.demo.enabled=true}.
 */
package vn.kyso.api.demo;
