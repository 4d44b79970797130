package vn.kyso.validation.internal;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.client.http.Protocol;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationSettings;

/**
 * DSS set up once and shared by all validations: the certificate verifier with the trust stores and
 * the cached online revocation sources (or none, offline), the default ETSI EN 319 102-1 policy, and
 * the PDF object factory. DSS builds a new validator per document; these parts hold no per-document
 * state.
 */
final class DssEngine {

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final PdfBoxDefaultObjectFactory pdfObjects = new PdfBoxDefaultObjectFactory();
    private final RevocationCache<OCSP> ocspCache;
    private final RevocationCache<CRL> crlCache;

    DssEngine(ValidationSettings settings, TrustAnchors anchors, Clock clock) {
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
        if (settings.offline()) {
            // Nothing is fetched: what the document embeds is all the evidence, and DSS answers
            // INDETERMINATE where that is not enough instead of assuming "not revoked".
            verifier.setOcspSource(null);
            verifier.setCrlSource(null);
            verifier.setAIASource(null);
            ocspCache = null;
            crlCache = null;
        } else {
            OnlineOCSPSource ocsp = new OnlineOCSPSource(
                    new HttpOnlyDataLoader(settings.networkTimeout(), "application/ocsp-request"));
            OnlineCRLSource crl = new OnlineCRLSource(new HttpOnlyDataLoader(settings.networkTimeout(), null));
            crl.setPreferredProtocol(Protocol.HTTP);
            ocspCache = new RevocationCache<>(ocsp, settings.revocationCacheMaxAge(), clock, 10_000);
            crlCache = new RevocationCache<>(crl, settings.revocationCacheMaxAge(), clock, 1_000);
            verifier.setOcspSource(ocspCache);
            verifier.setCrlSource(crlCache);
            DefaultAIASource aia = new DefaultAIASource(new HttpOnlyDataLoader(settings.networkTimeout(), null));
            aia.setAcceptedProtocols(Set.of(Protocol.HTTP, Protocol.HTTPS));
            verifier.setAIASource(aia);
        }
        policy = CachedCryptoPolicy.dssDefault();
        pdfObjects.setPdfDifferencesFinder(new FastVisualDifferencesFinder());
    }

    Reports validate(SignedFile document, List<SignedFile> originals, Instant validationTime, boolean etsiReport) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(dss(document));
        if (validator instanceof PDFDocumentValidator pdf) {
            pdf.setPdfObjFactory(pdfObjects);
        }
        validator.setCertificateVerifier(verifier);
        if (!originals.isEmpty()) {
            validator.setDetachedContents(originals.stream().map(DssEngine::dss).toList());
        }
        validator.setValidationTime(Date.from(validationTime));
        validator.setLocale(Locale.ENGLISH);
        // certificate bytes in the diagnostic data, so names are decoded from the DER (UTF-8 diacritics)
        validator.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        validator.setEnableEtsiValidationReport(etsiReport);
        return validator.validateDocument(policy);
    }

    String policyName() {
        return policy.getPolicyName();
    }

    int cachedRevocationResponses() {
        return (ocspCache == null ? 0 : ocspCache.size()) + (crlCache == null ? 0 : crlCache.size());
    }

    private static DSSDocument dss(SignedFile file) {
        return new InMemoryDocument(file.content(), file.name());
    }
}
