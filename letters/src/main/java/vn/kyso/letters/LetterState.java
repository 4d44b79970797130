package vn.kyso.letters;

/** Where a letter is in the Decree 30 flow; each step moves it one state on. */
public enum LetterState {
    /** Uploaded and converted to PDF/A, not yet signed. */
    DRAFT,
    /** Signed by the authorised person. */
    SIGNED_BY_PERSON,
    /** Numbered, dated and signed by the organisation; not (yet) in the archive. */
    ISSUED,
    /** Issued and ingested by the archive. */
    ARCHIVED
}
