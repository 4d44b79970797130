package vn.kyso.validation.internal;

/**
 * The limits that keep one validation within bounded time and memory. They are checked by the input
 * guards before DSS sees the bytes; DSS's own zip-bomb and XML protections stay on behind them.
 *
 * @param maxDocumentBytes      the submitted file, and each detached original, at most this large
 * @param maxOriginals          detached originals per request
 * @param maxZipEntries         entries of a container, nested containers included
 * @param maxZipUncompressed    bytes a container may inflate to, nested containers included
 * @param maxZipRatio           inflated/compressed ratio of one entry above {@link #ZIP_RATIO_THRESHOLD}
 * @param maxZipDepth           a container inside a container is allowed (ASiC-S of an ASiC-E), deeper is not
 * @param maxPdfObjects         indirect objects of a PDF, objects in object streams included
 * @param maxPdfPages           pages of a PDF
 * @param maxXmlDepth           element nesting of an XML document
 * @param maxJsonDepth          object/array nesting of a JSON document
 * @param maxDerDepth           nesting of constructed values in a CMS signature
 */
record InputLimits(
        long maxDocumentBytes,
        int maxOriginals,
        int maxZipEntries,
        long maxZipUncompressed,
        int maxZipRatio,
        int maxZipDepth,
        int maxPdfObjects,
        int maxPdfPages,
        int maxXmlDepth,
        int maxJsonDepth,
        int maxDerDepth) {

    /** Entries smaller than this are never judged by their ratio: tiny files compress absurdly well. */
    static final long ZIP_RATIO_THRESHOLD = 1024 * 1024;

    /**
     * Limits sized for official documents: a tagged 500-page PDF/A stays far below 200 000 objects, real
     * signatures nest below 30 levels, and an ASiC container inflates to a few times its size.
     */
    static InputLimits defaults(long maxDocumentBytes) {
        return new InputLimits(maxDocumentBytes, 100, 1_000, Math.min(4 * maxDocumentBytes, 1L << 30), 100, 2,
                200_000, 5_000, 256, 64, 64);
    }
}
