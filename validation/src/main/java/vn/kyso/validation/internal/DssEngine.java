package vn.kyso.validation.internal;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pades.validation.timestamp.PdfTimestampToken;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.client.http.Protocol;
import eu.europa.esig.dss.spi.policy.SignaturePolicyProvider;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.kyso.core.JsonSchemaThreads;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;
import vn.kyso.dss.CachedRevocationSource;
import vn.kyso.dss.PolicedDataLoader;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationSettings;

/**
 * DSS set up once and shared by all validations: the certificate verifier with the trust stores and
 * the online revocation sources behind the shared cache (or none, offline), the default ETSI EN 319 102-1 policy, and
 * the PDF object factory. DSS builds a new validator per document; these parts hold no per-document
 * state.
 */
final class DssEngine {

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final PdfBoxDefaultObjectFactory pdfObjects = new PdfBoxDefaultObjectFactory();
    private final FastVisualDifferencesFinder differences = new FastVisualDifferencesFinder();
    private final RevocationCache revocations;
    private final OutboundPolicy fetching;
    private final SignaturePolicyProvider policyDocuments;

    DssEngine(ValidationSettings settings, TrustAnchors anchors, RevocationCache revocations) {
        this.revocations = revocations;
        JsonSchemaThreads.install();
        verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(anchors.sources());
        verifier.setAdjunctCertSources(anchors.issuing());
        // The alerts matter for augmentation; a validation reports the same facts in its verdict.
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        verifier.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnInvalidTimestamp(new SilentOnStatusAlert());
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        verifier.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        // Every fetch a document can cause goes through one policy, below the revocation caches.
        fetching = settings.offline() ? OutboundPolicy.none()
                : OutboundPolicy.of(anchors.certificates(), settings.fetch());
        // DSS's default would fetch a signature's policy document from any URL it names, with Java's
        // HTTP client following redirects; ours goes through the policy, or refuses everything offline.
        policyDocuments = new SignaturePolicyProvider();
        policyDocuments.setDataLoader(new PolicedDataLoader(fetching, null));
        if (settings.offline()) {
            // Nothing is fetched: what the document embeds is all the evidence, and DSS answers
            // INDETERMINATE where that is not enough instead of assuming "not revoked".
            verifier.setOcspSource(null);
            verifier.setCrlSource(null);
            verifier.setAIASource(null);
        } else {
            OnlineOCSPSource ocsp = new OnlineOCSPSource(
                    new PolicedDataLoader(fetching, "application/ocsp-request"));
            OnlineCRLSource crl = new OnlineCRLSource(new PolicedDataLoader(fetching, null));
            crl.setPreferredProtocol(Protocol.HTTP);
            verifier.setOcspSource(CachedRevocationSource.unbounded(ocsp, RevocationKey.Kind.OCSP, revocations));
            verifier.setCrlSource(CachedRevocationSource.unbounded(crl, RevocationKey.Kind.CRL, revocations));
            DefaultAIASource aia = new DefaultAIASource(new PolicedDataLoader(fetching, null));
            aia.setAcceptedProtocols(Set.of(Protocol.HTTP, Protocol.HTTPS));
            verifier.setAIASource(aia);
        }
        policy = CachedCryptoPolicy.dssDefault();
        pdfObjects.setPdfDifferencesFinder(differences);
    }

    @SuppressWarnings("try") // the budget is held for the call's duration; DSS's fetches draw on it, not this code
    Reports validate(SignedFile document, List<SignedFile> originals, Instant validationTime, boolean etsiReport,
            PdfParses parses) {
        DSSDocument file = dss(document);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(file);
        if (validator instanceof PDFDocumentValidator pdf) {
            // one parse per revision for the whole validation, where DSS alone opens the same bytes again and again
            pdf.setPdfObjFactory(parses.objectFactory(file, differences));
        }
        validator.setCertificateVerifier(verifier);
        validator.setSignaturePolicyProvider(policyDocuments);
        if (!originals.isEmpty()) {
            validator.setDetachedContents(originals.stream().map(DssEngine::dss).toList());
        }
        validator.setValidationTime(Date.from(validationTime));
        validator.setLocale(Locale.ENGLISH);
        // certificate bytes in the diagnostic data, so names are decoded from the DER (UTF-8 diacritics)
        validator.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        validator.setEnableEtsiValidationReport(etsiReport);
        try (OutboundPolicy.Scope budget = fetching.open()) {
            return validator.validateDocument(policy);
        }
    }

    /**
     * Where the bytes of the PDF signature or document time-stamp with DSS's identifier {@code id} end,
     * without validating anything: DSS lists the signatures and their byte ranges only. Empty when the
     * file holds no PDF signature of that identifier.
     */
    java.util.OptionalLong signedEnd(SignedFile document, String id) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(dss(document));
        if (!(validator instanceof PDFDocumentValidator pdf)) {
            return java.util.OptionalLong.empty();
        }
        pdf.setPdfObjFactory(pdfObjects);
        validator.setCertificateVerifier(verifier);
        for (eu.europa.esig.dss.spi.signature.AdvancedSignature s : validator.getSignatures()) {
            if (s.getId().equals(id) && s instanceof eu.europa.esig.dss.pades.validation.PAdESSignature p) {
                return end(p.getPdfRevision().getByteRange());
            }
        }
        for (eu.europa.esig.dss.spi.x509.tsp.TimestampToken t : validator.getDetachedTimestamps()) {
            if (t.getDSSIdAsString().equals(id) && t instanceof PdfTimestampToken pdfTimestamp) {
                return end(pdfTimestamp.getPdfRevision().getByteRange());
            }
        }
        return java.util.OptionalLong.empty();
    }

    private static java.util.OptionalLong end(eu.europa.esig.dss.pades.validation.ByteRange range) {
        java.util.List<java.math.BigInteger> r = range == null ? java.util.List.of() : range.toBigIntegerList();
        return r.size() == 4 ? java.util.OptionalLong.of(r.get(2).longValue() + r.get(3).longValue())
                : java.util.OptionalLong.empty();
    }

    String policyName() {
        return policy.getPolicyName();
    }

    int cachedRevocationResponses() {
        return (int) revocations.size();
    }

    private static DSSDocument dss(SignedFile file) {
        return new InMemoryDocument(file.content(), file.name());
    }
}
