package vn.kyso.signing.internal;

import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.enumerations.JWSSerializationType;
import eu.europa.esig.dss.jades.JAdESSignatureParameters;
import eu.europa.esig.dss.jades.JWSJsonSerializationObject;
import eu.europa.esig.dss.jades.JWSJsonSerializationParser;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.core.DocumentType;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Extends the signatures of a signed file to a higher level (T, LT, LTA), as DSS's extension services
 * do: the kind of file is read from its content, each kind goes to its DSS service with parameters
 * naming only the target level. No key is involved.
 */
final class Augmenter {

    /** Kept under the facade's name, so log settings written for it still apply. */
    private static final Logger log = LoggerFactory.getLogger(DssSigningService.class);

    private final DssToolkit dss;
    private final SigningJobs jobs;
    private final Supplier<Instant> clock;

    /** @param clock the facade's clock, truncated to the second as signing times are */
    Augmenter(DssToolkit dss, SigningJobs jobs, Supplier<Instant> clock) {
        this.dss = dss;
        this.jobs = jobs;
        this.clock = clock;
    }

    @SuppressWarnings("try") // the budget is held for the call's duration; DSS's fetches draw on it, not this code
    SignedDocument augment(AugmentRequest request) {
        // the document names the certificates whose revocation data is fetched: one budget per request
        try (OutboundPolicy.Scope budget = dss.fetching.open()) {
            return augmentWithinBudget(request);
        }
    }

    private SignedDocument augmentWithinBudget(AugmentRequest request) {
        jobs.requireTimestampsFor(request.targetLevel());
        byte[] content = request.document().content();
        if (content.length == 0) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT, "the document is empty");
        }
        String name = request.document().name();
        DSSDocument doc = new InMemoryDocument(content, name);
        List<DSSDocument> detached = request.detachedContents().stream()
                .map(d -> (DSSDocument) new InMemoryDocument(d.content(), d.name())).toList();
        var level = request.targetLevel();
        Augmentation a = switch (Augmentation.kindOf(content)) {
            case PDF -> new Augmentation(SignatureFormat.PADES, "application/pdf", () -> {
                var p = new PAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.PADES, level));
                return dss.pades.extendDocument(doc, p);
            });
            case XML -> new Augmentation(SignatureFormat.XADES, "application/xml", () -> {
                var p = new XAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.XADES, level));
                p.setDetachedContents(detached);
                return dss.xades.extendDocument(doc, p);
            });
            case JSON -> new Augmentation(SignatureFormat.JADES, "application/jose+json", () -> {
                var p = new JAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.JADES, level));
                // DSS extends with the parameters' serialisation (compact by default, which has no unsigned
                // header to hold a time-stamp): keep the document's own JSON or flattened JSON serialisation.
                p.setJwsSerializationType(jsonSerialization(doc));
                p.setDetachedContents(detached);
                return dss.jades.extendDocument(doc, p);
            });
            case ASIC_XADES -> new Augmentation(SignatureFormat.XADES, "application/vnd.etsi.asic-e+zip", () -> {
                var p = new ASiCWithXAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.XADES, level));
                return dss.asicXades.extendDocument(doc, p);
            });
            case ASIC_CADES -> new Augmentation(SignatureFormat.CADES, "application/vnd.etsi.asic-e+zip", () -> {
                var p = new ASiCWithCAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.CADES, level));
                return dss.asicCades.extendDocument(doc, p);
            });
            case CMS -> new Augmentation(SignatureFormat.CADES, "application/pkcs7-signature", () -> {
                var p = new CAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.CADES, level));
                p.setDetachedContents(detached);
                return dss.cades.extendDocument(doc, p);
            });
            case UNKNOWN -> throw new SigningException(SigningError.NOTHING_TO_AUGMENT,
                    "the document is not a signed PDF, XML, JSON, CMS or ASiC file");
        };
        Instant now = clock.get();
        DSSDocument extended;
        try {
            extended = a.extend().get();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            SigningException translated = DssErrors.translate(e, a.format().name());
            log.info("augmentation refused: {} ({})", translated.error(), e.toString());
            throw translated;
        }
        byte[] bytes;
        try (var in = extended.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SigningException(SigningError.SIGNING_FAILED, "the augmented document could not be written", e);
        }
        return new SignedDocument(name, a.mediaType(), bytes, a.format(), request.targetLevel(), null, now);
    }

    /** How to extend one kind of signed file. */
    private record Augmentation(SignatureFormat format, String mediaType, Supplier<DSSDocument> extend) {

        enum Kind { PDF, XML, JSON, ASIC_XADES, ASIC_CADES, CMS, UNKNOWN }

        static Kind kindOf(byte[] content) {
            return switch (DocumentType.of(content)) {
                case PDF -> Kind.PDF;
                case XML -> Kind.XML;
                case JSON -> Kind.JSON;
                case ZIP -> asicKind(content);
                case CMS -> Kind.CMS;
                // any other DER SEQUENCE is handed to DSS's CAdES extension, which says what is wrong with it
                default -> content.length > 0 && (content[0] & 0xff) == 0x30 ? Kind.CMS : Kind.UNKNOWN;
            };
        }

        private static Kind asicKind(byte[] content) {
            try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String n = e.getName();
                    if (n.startsWith("META-INF/") && n.endsWith(".p7s")) {
                        return Kind.ASIC_CADES;
                    }
                    if (n.startsWith("META-INF/") && n.contains("signatures") && n.endsWith(".xml")) {
                        return Kind.ASIC_XADES;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                return Kind.UNKNOWN;
            }
            return Kind.UNKNOWN;
        }
    }

    /** The JSON serialisation a JAdES document is written in; a compact one cannot carry more evidence. */
    private static JWSSerializationType jsonSerialization(DSSDocument doc) {
        JWSJsonSerializationParser parser = new JWSJsonSerializationParser(doc);
        JWSJsonSerializationObject parsed = parser.isSupported() ? parser.parse() : null;
        if (parsed == null || parsed.getJWSSerializationType() == null) {
            throw new SigningException(SigningError.COMPACT_SERIALIZATION_LEVEL,
                    "a JWS in compact serialisation cannot be extended beyond B-B; sign in JSON serialisation");
        }
        return parsed.getJWSSerializationType();
    }
}
