/**
 * The one in-memory cache of OCSP responses and CRLs, shared by signing (which needs answers issued
 * after a signature's time-stamp) and validation (which may reuse answers while they are valid).
 * Free of DSS types: each module adapts it to its engine.
 */
package vn.kyso.core.revocation;
