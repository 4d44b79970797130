package vn.kyso.demopki;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers RFC 6960 requests about the certificates of one CA. The CA signs its own responses, which
 * spares validators a delegated responder certificate and its no-check extension.
 *
 * <p>Each response carries the responder's (the CA's) certificate (RFC 6960, 4.2.1 {@code certs}),
 * so that it is self-contained: a relying party that holds only the demo root verifies it without
 * having met the issuing CA elsewhere, for instance when it reads the response from a PDF's DSS
 * dictionary rather than next to the signature's chain. Responses are made on request, so a PKI
 * persisted under var/ or target/test-work before this change answers the same way; nothing is
 * regenerated.
 */
final class OcspResponder {

    private final RevocationRegistry registry;
    private final DigestCalculatorProvider digests;

    OcspResponder(RevocationRegistry registry) {
        this.registry = registry;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    byte[] respond(CertificateAuthority ca, byte[] encodedRequest, Instant now) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(encodedRequest);
            } catch (IOException | RuntimeException malformed) {
                return failure(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] entries = request.getRequestList();
            if (entries.length == 0) {
                return failure(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.certificate());
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(
                    ca.certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(CrlIssuer.VALIDITY));
            for (Req entry : entries) {
                CertificateID id = entry.getCertID();
                builder.addResponse(id, status(ca, caHolder, id), thisUpdate, nextUpdate, null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp response = builder.build(
                    new JcaContentSignerBuilder(CertificateIssuer.SIGNATURE_ALGORITHM).build(ca.privateKey()),
                    new X509CertificateHolder[] {caHolder}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, response).getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot answer an OCSP request for " + ca.id().id(), e);
        }
    }

    private CertificateStatus status(CertificateAuthority ca, X509CertificateHolder caHolder, CertificateID id) {
        try {
            if (!id.matchesIssuer(caHolder, digests)) {
                return new UnknownStatus();
            }
        } catch (OCSPException unsupportedHash) {
            return new UnknownStatus();
        }
        RevocationRegistry.Status status = registry.status(ca.id(), id.getSerialNumber());
        return switch (status.kind()) {
            case GOOD -> CertificateStatus.GOOD;
            case UNKNOWN -> new UnknownStatus();
            case REVOKED -> new RevokedStatus(
                    new RevokedInfo(new ASN1GeneralizedTime(Date.from(status.revokedAt())), null));
        };
    }

    private static byte[] failure(int status) throws OCSPException, IOException {
        OCSPResp response = new OCSPRespBuilder().build(status, null);
        return response.getEncoded();
    }
}
