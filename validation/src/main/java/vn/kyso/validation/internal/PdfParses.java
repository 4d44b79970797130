package vn.kyso.validation.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.pades.exception.InvalidPasswordException;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.defaultdrawer.PdfBoxDefaultSignatureDrawerFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The PDFBox parses of one validation, shared by every step that reads the same bytes.
 *
 * <p>Why: DSS 6.4 opens a new PDFBox document each time one of its steps needs a file — the final document in
 * its revision listing and again in its modification analysis, each signed revision once to check the
 * signature dictionary, once for the validation data it held and once more to compare it with the final
 * document — and the service's own checks opened the final document once more. Every open parses the cross
 * reference tables and, as objects are reached, the signatures' {@code /Contents} again. Two opens of equal
 * bytes give equal object graphs, so the first parse of each revision is kept for the validation and handed out
 * again instead of parsing the same bytes anew — but only while nothing but reading has been done with it.
 * Rendering a page is not only reading: PDFBox may construct a missing annotation appearance into the document
 * as it draws, and DSS's object comparison would then see a difference a fresh parse does not have. A parse
 * that has rendered a page is therefore never handed out again (the next open parses anew, as DSS does).
 * Nothing is kept across validations, and at most {@link #MAX_KEPT} parses are held, fewer for a large file
 * (each kept parse holds up to the file's size; {@link #KEPT_BYTES} bounds their sum): beyond that each open is
 * DSS's own.
 *
 * <p>Not thread-safe: one instance per validation, closed when the validation's report is assembled.
 */
final class PdfParses implements AutoCloseable {

    /** Parses kept at most: the final document and the revisions of a few signatures. */
    static final int MAX_KEPT = 12;
    /** What the kept parses may hold together, counted as the validated file's size for each. */
    static final long KEPT_BYTES = 64L * 1024 * 1024;

    private final List<Kept> kept = new ArrayList<>();
    private DSSDocument validated;
    private int maxKept = MAX_KEPT;
    private int opened;
    private int reused;

    /** A DSS object factory whose signature service opens PDFs through this instance; {@code validated} is the file. */
    PdfBoxDefaultObjectFactory objectFactory(DSSDocument validated, PdfDifferencesFinder differences) {
        this.validated = validated;
        maxKept = maxKept(DSSUtils.getFileByteSize(validated));
        Factory factory = new Factory(this);
        factory.setPdfDifferencesFinder(differences);
        return factory;
    }

    /** Parses kept for a file of {@code size} bytes: each revision is at most the file. */
    static int maxKept(long size) {
        return (int) Math.max(1, Math.min(MAX_KEPT, KEPT_BYTES / Math.max(1, size)));
    }

    /**
     * DSS's parse of the validated file, if one is kept and has only been read: for the service's own checks
     * after DSS's, instead of parsing the same bytes once more.
     */
    java.util.Optional<PDDocument> whole() {
        for (Kept k : kept) {
            if (!k.reader.rendered && validated != null && k.document.equals(validated)) {
                return java.util.Optional.of(k.reader.getPDDocument());
            }
        }
        return java.util.Optional.empty();
    }

    /** Files parsed and parses handed out again, for the tests and the benchmark's reading. */
    int opened() {
        return opened;
    }

    int reused() {
        return reused;
    }

    private PdfDocumentReader open(DSSDocument document, PdfMemoryUsageSetting memory) throws IOException {
        for (Kept k : kept) {
            // DSSDocument equality is by content (and for a revision, by its byte range): equal bytes, equal parse
            if (!k.reader.rendered && k.document.equals(document)) {
                reused++;
                return k.reader;
            }
        }
        opened++;
        if (kept.size() >= maxKept) {
            return new PdfBoxDocumentReader(document, null, memory);
        }
        KeptReader reader = new KeptReader(document, memory);
        kept.add(new Kept(document, reader));
        return reader;
    }

    @Override
    public void close() {
        for (Kept k : kept) {
            try {
                k.reader.release();
            } catch (IOException | RuntimeException e) {
                // an in-memory parse has nothing left to release that matters; keep closing the others
            }
        }
        kept.clear();
    }

    private record Kept(DSSDocument document, KeptReader reader) {
    }

    /** A reader DSS may close after each step; the parse lives until the validation ends. */
    private static final class KeptReader extends PdfBoxDocumentReader {

        /** Set before a page is drawn: from then on this parse is no longer a fresh one. */
        private boolean rendered;

        KeptReader(DSSDocument document, PdfMemoryUsageSetting memory) throws IOException {
            super(document, null, memory);
        }

        @Override
        public java.awt.image.BufferedImage generateImageScreenshot(int page) throws IOException {
            // also reached from generateImageScreenshotWithoutAnnotations
            rendered = true;
            return super.generateImageScreenshot(page);
        }

        @Override
        public void close() {
            // released by PdfParses.close(), once every step of the validation is done with it
        }

        void release() throws IOException {
            super.close();
        }
    }

    /** DSS's PDFBox signature service, opening documents through the validation's parses. */
    private static final class SharingService extends PdfBoxSignatureService {

        private final PdfParses parses;

        SharingService(PdfParses parses) {
            super(PDFServiceMode.SIGNATURE, new PdfBoxDefaultSignatureDrawerFactory());
            this.parses = parses;
        }

        @Override
        protected PdfDocumentReader loadPdfDocumentReader(DSSDocument document, char[] password)
                throws IOException, InvalidPasswordException {
            if (password != null) {
                return super.loadPdfDocumentReader(document, password);
            }
            return parses.open(document, pdfMemoryUsageSetting);
        }
    }

    /** DSS's PDFBox object factory with the sharing signature service. */
    private static final class Factory extends PdfBoxDefaultObjectFactory {

        private final PdfParses parses;

        Factory(PdfParses parses) {
            this.parses = parses;
        }

        @Override
        public PDFSignatureService newPAdESSignatureService() {
            return configure(new SharingService(parses));
        }
    }
}
