package vn.kyso.signing.internal;

import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import vn.kyso.core.JsonSchemaThreads;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;
import vn.kyso.signing.SigningError;
import vn.kyso.dss.CachedRevocationSource;
import vn.kyso.dss.PolicedDataLoader;
import vn.kyso.signing.SigningTimings;

/**
 * The DSS services and their shared, costly parts, built once and reused by every request: the
 * certificate verifier with its trust anchors, revocation sources behind the shared cache, the
 * time-stamp source and the PDF object factory. DSS services hold no per-request state, so one
 * instance of each serves all threads.
 */
final class DssToolkit {

    final CommonCertificateVerifier verifier;
    final TSPSource tspSource;
    final RevocationCache revocations;
    /** Every TSA, OCSP, CRL and CA-issuer fetch; below the revocation cache. */
    final OutboundPolicy fetching;
    final PAdESService pades;
    final XAdESService xades;
    final CAdESService cades;
    final JAdESService jades;
    final ASiCWithXAdESService asicXades;
    final ASiCWithCAdESService asicCades;

    DssToolkit(Collection<X509Certificate> trustAnchors, String tsaUrl, Duration timeout, FetchSettings fetch,
            RevocationCache revocations, IPdfObjFactory pdfObjFactory, SigningTimings timings) {
        this.revocations = revocations;
        JsonSchemaThreads.install();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(c -> trusted.addCertificate(new CertificateToken(c)));

        fetching = OutboundPolicy.of(trustAnchors, fetch.withTimeout(timeout)
                .withAllowed(tsaUrl == null ? List.of() : List.of(URI.create(tsaUrl))));
        PolicedDataLoader http = new PolicedDataLoader(fetching, null);
        OnlineOCSPSource ocsp = new OnlineOCSPSource(new PolicedDataLoader(fetching, "application/ocsp-request"));
        OnlineCRLSource crl = new OnlineCRLSource(http);

        verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new CachedRevocationSource<>(
                TimedSources.revocation(ocsp, SigningTimings.Party.OCSP, timings), RevocationKey.Kind.OCSP,
                revocations, FreshnessFloor::current));
        verifier.setCrlSource(new CachedRevocationSource<>(
                TimedSources.revocation(crl, SigningTimings.Party.CRL, timings), RevocationKey.Kind.CRL,
                revocations, FreshnessFloor::current));
        verifier.setAIASource(new DefaultAIASource(http));
        strictAlerts(verifier);

        tspSource = tsaUrl == null ? null
                : new GuardedTspSource(TimedSources.tsa(new OnlineTSPSource(tsaUrl,
                        new PolicedDataLoader(fetching, "application/timestamp-query")), timings));

        pades = new CheckOncePadesService(verifier);
        pades.setPdfObjFactory(pdfObjFactory);
        xades = new XAdESService(verifier);
        cades = new CAdESService(verifier);
        jades = new JAdESService(verifier);
        asicXades = new ASiCWithXAdESService(verifier);
        asicCades = new ASiCWithCAdESService(verifier);
        if (tspSource != null) {
            pades.setTspSource(tspSource);
            xades.setTspSource(tspSource);
            cades.setTspSource(tspSource);
            jades.setTspSource(tspSource);
            asicXades.setTspSource(tspSource);
            asicCades.setTspSource(tspSource);
        }
    }

    /**
     * Long-term levels must not be produced without the evidence they promise. One refusing alert per
     * check, so the check that failed is known by type (DssErrors), not from DSS's message text.
     */
    static void strictAlerts(CommonCertificateVerifier verifier) {
        verifier.setAlertOnMissingRevocationData(new RefusingAlert(SigningError.REVOCATION_UNAVAILABLE,
                "revocation data (OCSP/CRL) could not be obtained for the long-term level; try again later"));
        verifier.setAlertOnRevokedCertificate(new RefusingAlert(SigningError.CERTIFICATE_REVOKED,
                "the signing certificate or one of its issuers is revoked"));
        verifier.setAlertOnInvalidTimestamp(new RefusingAlert(SigningError.TSA_UNAVAILABLE,
                "the time-stamp authority returned an unusable time-stamp"));
        // Every answer embedded must be issued after the signature's time-stamp (EN 319 102-1 freshness);
        // a strict validator years from now refuses older evidence, so never embed it silently. The
        // same for the time-stamps' own chains, whose answers must postdate the time-stamps' use.
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new RefusingAlert(SigningError.REVOCATION_NOT_FRESH,
                NOT_FRESH));
        verifier.setAlertOnUncoveredPOE(new RefusingAlert(SigningError.REVOCATION_NOT_FRESH, NOT_FRESH));
    }

    private static final String NOT_FRESH = "no OCSP/CRL answer issued after the signature's time-stamp could be "
            + "obtained; try again later, or sign at B-T and augment once the responder has news";
}
