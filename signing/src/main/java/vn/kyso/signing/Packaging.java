package vn.kyso.signing;

/** Where the signature sits relative to the signed data. */
public enum Packaging {
    /** Inside the signed document (PDF, XML). */
    ENVELOPED,
    /** The signed data inside the signature (XML, JSON). */
    ENVELOPING,
    /** Separate from the signed data, which the verifier must supply. */
    DETACHED
}
