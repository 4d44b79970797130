package vn.kyso.archive;

/** The package an export is written as. */
public enum ExportFormat {
    /** BagIt 1.0 (RFC 8493): payload and checksums another archive can check on its own. */
    BAGIT,
    /** E-ARK CSIP information package: METS, PREMIS 3 and the Appendix VI description. */
    EARK
}
