/**
 * A per-client token bucket in front of the public, anonymous endpoints, so that one client cannot
 * keep the validation engine busy for everyone. Written by hand: it is small, and keeping it in memory
 * per instance is what a single-node deployment needs (a cluster limits at its proxy).
 */
package vn.kyso.api.ratelimit;
