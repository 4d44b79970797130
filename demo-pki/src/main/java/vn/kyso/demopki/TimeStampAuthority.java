package vn.kyso.demopki;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** An RFC 3161 time-stamping authority with a software key. */
final class TimeStampAuthority {

    /** The demo TSA policy; real Vietnamese TSAs use their CA's own arc. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.1");
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final KeyAndChain key;

    /** The TSA's key with its certificate chain, TSA certificate first. */
    record KeyAndChain(PrivateKey privateKey, List<X509Certificate> chain) {
        KeyAndChain {
            chain = List.copyOf(chain);
        }

        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    TimeStampAuthority(KeyAndChain key) {
        this.key = key;
    }

    byte[] respond(byte[] encodedRequest, Instant now) {
        try {
            // Generators hold a content signer, which is not thread-safe: one per request.
            TimeStampResponseGenerator responses =
                    new TimeStampResponseGenerator(tokenGenerator(), ACCEPTED_DIGESTS, Set.of(POLICY));
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(encodedRequest);
            } catch (IOException | RuntimeException malformed) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a time-stamp request").getEncoded();
            }
            return responses.generate(request, CertificateIssuer.randomSerial(), Date.from(now)).getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot answer a time-stamp request", e);
        }
    }

    private TimeStampTokenGenerator tokenGenerator() {
        try {
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
                    .build(CertificateIssuer.SIGNATURE_ALGORITHM, key.privateKey(), key.certificate());
            // A SHA-256 certificate digest makes the generator write ESSCertIDv2 (RFC 5816).
            DigestCalculator certDigest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer, certDigest, POLICY);
            generator.addCertificates(new JcaCertStore(key.chain().subList(0, key.chain().size() - 1)));
            generator.setAccuracySeconds(1);
            generator.setTSA(new GeneralName(X500Name.getInstance(
                    key.certificate().getSubjectX500Principal().getEncoded())));
            return generator;
        } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
            throw new IllegalStateException("cannot prepare the time-stamp signer", e);
        }
    }
}
