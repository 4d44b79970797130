package vn.kyso.conversion.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import vn.kyso.conversion.DetectedType;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.SourceFormat;

/**
 * Detection and extraction through Tika. Detection never sees the file name, so a renamed executable is still
 * an executable. Embedded documents (attachments, OLE objects, the thumbnail every ODF file carries) are not
 * parsed: a nested archive cannot multiply the work, and a thumbnail is not OCR'd into the text as noise.
 * AutoDetectParser's SecureContentHandler stops output that grows implausibly faster than the input (zip
 * bombs in formats we do not unpack ourselves).
 */
final class TikaInspector {

    private static final EmbeddedDocumentExtractor SKIP_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(java.io.InputStream stream, org.xml.sax.ContentHandler handler, Metadata metadata,
                boolean outputHtml) {
            // never called: shouldParseEmbedded says no
        }
    };

    private final Detector detector;
    private final AutoDetectParser parser;
    private final String ocrLanguages;
    private final int ocrTimeoutSeconds;
    private volatile LanguageDetector languages;

    TikaInspector(String ocrLanguages, int ocrTimeoutSeconds) {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
        this.ocrLanguages = ocrLanguages;
        this.ocrTimeoutSeconds = ocrTimeoutSeconds;
    }

    DetectedType detect(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = detector.detect(in, new Metadata());
            String base = type.getBaseType().toString();
            return new DetectedType(base, SourceFormat.ofMediaType(base));
        } catch (IOException e) {
            throw Failures.failed("The document's type cannot be read", e);
        }
    }

    Extraction extract(byte[] content, DetectedType type, int maxText) {
        Metadata metadata = new Metadata();
        BodyContentHandler handler = new BodyContentHandler(maxText);
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(ocrLanguages);
        ocr.setTimeoutSeconds(ocrTimeoutSeconds);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        // Tika's PDF OCR finds no OCR parser in this setup (NullPointerException in 3.3); scans are OCR'd by
        // the service with its own Tesseract run instead, see LibreOfficeConversionService#extract.
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
        metadata.set(Metadata.CONTENT_TYPE, type.mediaType());
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw Failures.failed("The document's text cannot be read", e);
            }
            truncated = true;
        } catch (EncryptedDocumentException e) {
            throw Failures.failed("The document is encrypted", e);
        } catch (TikaException | IOException e) {
            throw Failures.failed("The document's text cannot be read", e);
        }
        String text = handler.toString().strip();
        return new Extraction(type.mediaType(), text, truncated, language(text), metadataOf(metadata),
                pageCount(metadata), ocrUsed(metadata));
    }

    /**
     * Tika's names for a container it recognised as OOXML or OLE2 but could not classify further: in practice
     * a truncated or otherwise damaged Office file, which deserves "damaged" rather than "unsupported".
     */
    static boolean isDamagedOffice(DetectedType type) {
        return type.mediaType().equals("application/x-tika-ooxml")
                || type.mediaType().equals("application/x-tika-msoffice");
    }

    Optional<String> language(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < 20) {
            return Optional.empty();
        }
        LanguageResult result = detector().detect(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        return result.isReasonablyCertain() ? Optional.of(result.getLanguage()) : Optional.empty();
    }

    /** The models take a few hundred milliseconds to load; most requests never need them. */
    private LanguageDetector detector() {
        LanguageDetector d = languages;
        if (d == null) {
            synchronized (this) {
                if (languages == null) {
                    languages = new OptimaizeLangDetector().loadModels();
                }
                d = languages;
            }
        }
        return d;
    }

    private static Map<String, List<String>> metadataOf(Metadata metadata) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            // Tika's own bookkeeping (parser class names, timings) says nothing about the document.
            if (!name.startsWith("X-TIKA:")) {
                out.put(name, Arrays.asList(metadata.getValues(name)));
            }
        }
        return out;
    }

    private static OptionalInt pageCount(Metadata metadata) {
        for (Integer pages : new Integer[] {metadata.getInt(PagedText.N_PAGES), metadata.getInt(Office.PAGE_COUNT)}) {
            if (pages != null && pages >= 0) {
                return OptionalInt.of(pages);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean ocrUsed(Metadata metadata) {
        String ocrParser = TesseractOCRParser.class.getName();
        return Arrays.asList(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY_FULL_SET)).contains(ocrParser)
                || Arrays.asList(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY)).contains(ocrParser);
    }
}
