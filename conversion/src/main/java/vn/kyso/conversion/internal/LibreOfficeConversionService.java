package vn.kyso.conversion.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.DetectedType;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.PdfAConformance;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

/**
 * The conversion facade: Tika detects and extracts, LibreOffice (pooled by JODConverter) converts office
 * documents and plain PDFs, PDFBox with Tesseract turns images into searchable PDF/A, veraPDF checks every
 * output. Close it to stop the LibreOffice processes.
 */
public final class LibreOfficeConversionService implements ConversionService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LibreOfficeConversionService.class);

    /** Pages of a scanned PDF that extraction OCRs; a 300-page scan would otherwise hold a request for minutes. */
    static final int MAX_OCR_PAGES = 50;

    private final ConversionSettings settings;
    private final TikaInspector tika;
    private final OfficePool office;
    private final ImagePdfA images;
    private final VeraPdfChecker verapdf = new VeraPdfChecker();
    /** In-process work (Tika, veraPDF) runs here so that a caller can stop waiting at the timeout. */
    private final ExecutorService workers;

    public LibreOfficeConversionService(ConversionSettings settings) {
        this.settings = settings;
        int ocrSeconds = (int) Math.max(1, settings.taskTimeout().toSeconds());
        this.tika = new TikaInspector(settings.ocrLanguages(), ocrSeconds);
        this.office = new OfficePool(settings.resolvedOfficeHome(), settings.poolSize(), settings.taskTimeout());
        TesseractOcr ocr = settings.resolvedTesseract()
                .map(path -> new TesseractOcr(path, settings.ocrLanguages(), settings.taskTimeout()))
                .orElse(null);
        this.images = new ImagePdfA(ocr, settings.fontDirectory().resolve("LiberationSerif-Regular.ttf"));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kyso-conversion-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (!office.installed()) {
            log.warn("LibreOffice not found; office conversions will answer CONVERTER_UNAVAILABLE");
        }
    }

    @Override
    public DetectedType detect(byte[] content) {
        checkSize(content);
        return tika.detect(content);
    }

    @Override
    public Extraction extract(byte[] content) {
        DetectedType type = detect(content);
        guardArchive(content, type.format());
        guardPdf(content, type.format());
        Extraction extraction = bounded(() -> tika.extract(content, type, settings.maxTextLength()));
        if (!images.ocrAvailable()) {
            return extraction;
        }
        // Our own Tesseract run rather than Tika's OCR parser, which Tika's default parser does not pick for
        // images; the same process supervision (timeout, kill) as the OCR layer of converted images.
        String text;
        if (type.format().family() == SourceFormat.Family.IMAGE) {
            text = images.recognise(content);
        } else if (type.format() == SourceFormat.PDF && looksScanned(extraction)) {
            text = images.recognisePdf(content, MAX_OCR_PAGES);
        } else {
            return extraction;
        }
        boolean truncated = text.length() > settings.maxTextLength();
        String kept = truncated ? text.substring(0, settings.maxTextLength()) : text;
        return new Extraction(extraction.mediaType(), kept, truncated, tika.language(kept), extraction.metadata(),
                extraction.pageCount(), true);
    }

    @Override
    public PdfAConformance checkPdfA(byte[] pdf) {
        DetectedType type = detect(pdf);
        if (type.format() != SourceFormat.PDF) {
            throw new ConversionException(ConversionError.UNSUPPORTED_TYPE, "Not a PDF: " + type.mediaType());
        }
        guardPdf(pdf, type.format());
        return bounded(() -> verapdf.check(pdf, PdfAProfile.PDF_A_2B));
    }

    @Override
    public ConversionResult toPdfA(ConversionRequest request) {
        byte[] content = request.content();
        DetectedType type = detect(content);
        PdfAProfile profile = request.profile();
        switch (type.format().family()) {
            case NONE -> throw TikaInspector.isDamagedOffice(type) ? Failures.failed(
                    "The document looks like an Office file but is damaged or incomplete", null) : unsupported(type);
            case PDF -> {
                guardPdf(content, type.format());
                PdfAConformance existing = bounded(() -> verapdf.check(content, profile));
                if (existing.compliant()) {
                    return new ConversionResult(content, type, existing, pageCount(content), true, false);
                }
                return finish(office.toPdfA(content, SourceFormat.PDF, profile), request, type, false);
            }
            case OFFICE -> {
                guardArchive(content, type.format());
                return finish(office.toPdfA(content, type.format(), profile), request, type, false);
            }
            case IMAGE -> {
                ImagePdfA.Built built = images.build(content, type.format(), profile);
                return finish(built.pdf(), request, type, built.ocrUsed());
            }
            default -> throw unsupported(type);
        }
    }

    /** Fewer than 20 characters a page: a scan, perhaps with a stamp or a page number in real text. */
    private static boolean looksScanned(Extraction extraction) {
        int pages = Math.max(1, extraction.pageCount().orElse(1));
        return extraction.text().strip().length() < 20 * pages;
    }

    private ConversionResult finish(byte[] pdf, ConversionRequest request, DetectedType type, boolean ocrUsed) {
        byte[] out = request.profile() == PdfAProfile.PDF_A_3B
                ? SourceAttachment.embed(pdf, request.content(), type.mediaType(), request.fileName())
                : pdf;
        guardPdf(out, SourceFormat.PDF); // a short document may still convert to too many pages
        PdfAConformance conformance = bounded(() -> verapdf.check(out, request.profile()));
        if (!conformance.compliant()) {
            log.warn("{} converted to PDF that is not {}: {}", type.mediaType(), request.profile().label(),
                    conformance.failures());
        }
        return new ConversionResult(out, type, conformance, pageCount(out), false, ocrUsed);
    }

    private void guardArchive(byte[] content, SourceFormat format) {
        switch (format) {
            case DOCX, XLSX, ODT, ODS -> ZipGuard.check(content, settings.maxExpandedSize());
            default -> {
                // not a zip container
            }
        }
    }

    /** Page and object limits of a PDF, within the task's time like every in-process step. */
    private void guardPdf(byte[] content, SourceFormat format) {
        if (format == SourceFormat.PDF) {
            bounded(() -> {
                PdfGuard.check(content, settings.maxPages());
                return Boolean.TRUE;
            });
        }
    }

    /** In-process tasks still running, a timed-out one included until it notices; for tests in this package. */
    int busyWorkers() {
        return ((java.util.concurrent.ThreadPoolExecutor) workers).getActiveCount();
    }

    private void checkSize(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ConversionException(ConversionError.EMPTY_DOCUMENT, "The document is empty");
        }
        if (content.length > settings.maxSize()) {
            throw Failures.tooLarge("The document is larger than " + (settings.maxSize() >> 20) + " MB");
        }
    }

    private <T> T bounded(Supplier<T> work) {
        Future<T> future = workers.submit(work::get);
        try {
            return future.get(settings.taskTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Tika and veraPDF check for interruption only now and then; the thread may run on a little.
            future.cancel(true);
            throw Failures.timeout("Reading the document took longer than allowed", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw Failures.timeout("Interrupted while reading the document", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConversionException c) {
                throw c;
            }
            if (e.getCause() instanceof OutOfMemoryError || e.getCause() instanceof StackOverflowError) {
                throw Failures.failed("The document is too complex to read", e.getCause());
            }
            throw Failures.failed("The document cannot be read", e.getCause());
        }
    }

    private static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (java.io.IOException e) {
            throw Failures.failed("The converted PDF cannot be read back", e);
        }
    }

    private static ConversionException unsupported(DetectedType type) {
        return new ConversionException(ConversionError.UNSUPPORTED_TYPE,
                "Documents of type " + type.mediaType() + " cannot be converted to PDF/A");
    }

    /** The LibreOffice pool, for tests in this package. */
    OfficePool pool() {
        return office;
    }

    /** Whether LibreOffice was found; conversions of office documents need it. */
    public boolean officeInstalled() {
        return office.installed();
    }

    @Override
    public void close() {
        office.close();
        workers.shutdownNow();
    }
}
