package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.Document;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Builds the DSS job of a request: the format (asked for, or from the content), the parameters of
 * that format and level, the visible signature of a PDF, and the name and media type of the result.
 * The same for a key in the HSM and a key on the caller's device.
 */
final class SigningJobs {

    private final DssToolkit dss;
    private final Decree30Layout layout;
    private final boolean timestamps;

    SigningJobs(DssToolkit dss, Decree30Layout layout, boolean timestamps) {
        this.dss = dss;
        this.layout = layout;
        this.timestamps = timestamps;
    }

    /**
     * @param key the HSM key, whose appearance image a visible signature shows; null for a remote signer
     */
    SigningJob document(Document document, SignOptions options, List<X509Certificate> chain, Instant now,
            KeyEntry key) {
        return document(document, options, chain, now, key, null);
    }

    /**
     * @param key         the HSM key, whose appearance image a visible signature shows; null for a remote signer
     * @param remoteImage a remote signer's own signature image, shown as an HSM key's image is; null for none
     */
    SigningJob document(Document document, SignOptions options, List<X509Certificate> chain, Instant now,
            KeyEntry key, byte[] remoteImage) {
        requireTimestampsFor(options.level());
        byte[] content = document.content();
        if (content.length == 0) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT, "the document is empty");
        }
        ContentType type = ContentType.sniff(content);
        SignatureFormat format = options.format() != null ? options.format() : switch (type) {
            case PDF -> SignatureFormat.PADES;
            case XML -> SignatureFormat.XADES;
            case JSON -> SignatureFormat.JADES;
            case OTHER -> SignatureFormat.CADES;
        };
        FormatRules.checkSerializationFormat(options, format);
        if (options.appearance() != Appearance.NONE && format != SignatureFormat.PADES) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "a visible signature needs a PDF; this document is " + type.mediaType);
        }
        // A PDF's type is known from its content; naming it spares DSS a ServiceLoader lookup by file name.
        DSSDocument doc = type == ContentType.PDF
                ? new InMemoryDocument(content, document.name(), MimeTypeEnum.PDF)
                : new InMemoryDocument(content, document.name());
        String name = document.name();
        return switch (format) {
            case PADES -> pades(content, doc, name, options, chain, now, key, remoteImage);
            case XADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.ENVELOPED);
                if (packaging != Packaging.DETACHED && type != ContentType.XML) {
                    throw new SigningException(SigningError.UNSUPPORTED_DOCUMENT,
                            "enveloped and enveloping XAdES need an XML document; use DETACHED for other files");
                }
                FormatRules.checkEnvelopedXml(packaging, content);
                var p = DssParameters.xades(options.level(), options.digest(), chain, now, packaging, doc);
                String out = packaging == Packaging.DETACHED ? name + ".xades.xml" : suffixed(name, "-signed", ".xml");
                yield new SigningJob(DssJob.of(dss.xades, doc, p), format, options.level(), out, "application/xml",
                        now);
            }
            case CADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.DETACHED);
                if (packaging == Packaging.ENVELOPED) {
                    throw new SigningException(SigningError.INVALID_REQUEST,
                            "CAdES signatures are DETACHED or ENVELOPING");
                }
                var p = DssParameters.cades(options.level(), options.digest(), chain, now, packaging);
                boolean detached = packaging == Packaging.DETACHED;
                yield new SigningJob(DssJob.of(dss.cades, doc, p), format, options.level(),
                        name + (detached ? ".p7s" : ".p7m"),
                        detached ? "application/pkcs7-signature" : "application/pkcs7-mime", now);
            }
            case JADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.ENVELOPING);
                if (packaging == Packaging.ENVELOPED) {
                    throw new SigningException(SigningError.INVALID_REQUEST,
                            "JAdES signatures are ENVELOPING or DETACHED");
                }
                JwsSerialization serialization = FormatRules.jwsSerialization(options);
                var p = DssParameters.jades(options.level(), options.digest(), chain, now, packaging, serialization);
                boolean compact = serialization == JwsSerialization.COMPACT;
                yield new SigningJob(DssJob.of(dss.jades, doc, p), format, options.level(),
                        stem(name) + (compact ? ".jws" : ".jws.json"),
                        compact ? "application/jose" : "application/jose+json", now);
            }
        };
    }

    private SigningJob pades(byte[] content, DSSDocument doc, String name, SignOptions options,
            List<X509Certificate> chain, Instant now, KeyEntry key, byte[] remoteImage) {
        // Every default placement looks at the page's text: the person's signature to find its gap, the
        // marks and the organisation's information to keep off printed text.
        PdfFacts facts = PdfInspector.inspect(content, options.placement() == null
                && options.appearance() != Appearance.NONE);
        if (options.appearance() == Appearance.COPY && options.copySource() == CopySource.PAPER) {
            PaperScan.check(content);
        }
        PAdESSignatureParameters p = DssParameters.pades(options.level(), options.digest(), chain, now);
        p.setSignerName(KeyEntryNames.commonName(chain.get(0)));
        p.setReason(reason(options.appearance()));
        if (options.appearance() != Appearance.NONE) {
            SignatureImageParameters image = layout.create(facts, new AppearanceContent(options.appearance(),
                    options.placement(), key == null ? remoteImage : key.appearanceImage(),
                    KeyEntryNames.commonName(chain.get(0)), KeyEntryNames.organisation(chain.get(0)), now,
                    options.numberSymbol(), options.copyForm(), options.copySource(),
                    key == null ? null : key.imageWidthMm()));
            p.setImageParameters(image);
        }
        return new SigningJob(DssJob.of(dss.pades, doc, p), SignatureFormat.PADES, options.level(),
                suffixed(name, "-signed", ".pdf"), "application/pdf", now);
    }

    /** An ASiC-E container over several files. */
    SigningJob container(ContainerRequest request, List<X509Certificate> chain, Instant now) {
        requireTimestampsFor(request.level());
        List<DSSDocument> docs = request.documents().stream()
                .map(d -> (DSSDocument) new InMemoryDocument(d.content(), d.name())).toList();
        DssJob dssJob = request.format() == SignatureFormat.CADES
                ? DssJob.of(dss.asicCades, docs,
                        DssParameters.asicCades(request.level(), request.digest(), chain, now))
                : DssJob.of(dss.asicXades, docs,
                        DssParameters.asicXades(request.level(), request.digest(), chain, now));
        String stem = request.documents().size() == 1 ? stem(request.documents().get(0).name()) : "container";
        return new SigningJob(dssJob, request.format(), request.level(), stem + ".asice",
                "application/vnd.etsi.asic-e+zip", now);
    }

    /** Every level above B-B carries a time-stamp, so it needs a configured time-stamp authority. */
    void requireTimestampsFor(SignatureLevel level) {
        if (level != SignatureLevel.B_B && !timestamps) {
            throw new SigningException(SigningError.TSA_UNAVAILABLE,
                    "no time-stamp authority is configured, so only level B-B is available");
        }
    }

    private static String reason(Appearance appearance) {
        return switch (appearance) {
            case ORGANISATION -> "Ký số của cơ quan, tổ chức";
            case COPY -> "Ký số bản sao điện tử";
            case ATTACHMENT -> "Ký số phụ lục kèm theo văn bản";
            default -> "Ký số văn bản";
        };
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String suffixed(String name, String suffix, String defaultExtension) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix + defaultExtension;
    }
}
