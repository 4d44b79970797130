package vn.kyso.signing;

/**
 * How a JAdES signature is written (RFC 7515, clause 7). Only the JSON forms have room for the unsigned
 * header that carries time-stamps and validation data, so COMPACT is offered at level B-B only.
 */
public enum JwsSerialization {
    /** {@code header.payload.signature}: one line, for a single document signed at B-B. */
    COMPACT,
    /** The general JSON serialisation, with a {@code signatures} array. */
    JSON,
    /** The flattened JSON serialisation: one signature, its headers at the top level (the default). */
    JSON_FLATTENED
}
