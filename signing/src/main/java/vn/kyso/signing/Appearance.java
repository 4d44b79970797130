package vn.kyso.signing;

/** The visible signature layouts of Decree 30/2020/ND-CP, Appendix I (PDF only). */
public enum Appearance {
    /** An invisible signature. */
    NONE,
    /** The authorised person's signature image where the handwritten signature would be. */
    PERSON,
    /** The organisation's seal over the left third of the person's signature, with name and time. */
    ORGANISATION,
    /** Attachment in a separate file: number, symbol and time at the top right of page one. */
    ATTACHMENT,
    /** Electronic copy: form of copy, copying organisation and time, text only, at the top right of page one. */
    COPY
}
