package vn.kyso.demopki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues a fresh CRL for each request, valid for one day. */
final class CrlIssuer {

    static final Duration VALIDITY = Duration.ofDays(1);

    private final RevocationRegistry registry;
    /** CRL numbers must grow; the clock keeps them growing across restarts too. */
    private final AtomicLong lastNumber = new AtomicLong();

    CrlIssuer(RevocationRegistry registry) {
        this.registry = registry;
    }

    byte[] crl(CertificateAuthority ca, Instant now) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
            for (RevocationRegistry.Revoked revoked : registry.revokedBy(ca.id())) {
                // Reason 0 (unspecified) is left out of the entry, as RFC 5280 asks.
                builder.addCRLEntry(revoked.serial(), Date.from(revoked.time()), 0);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(nextNumber(now)));
            return builder.build(new JcaContentSignerBuilder(CertificateIssuer.SIGNATURE_ALGORITHM)
                    .build(ca.privateKey())).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a CRL for " + ca.id().id(), e);
        }
    }

    private BigInteger nextNumber(Instant now) {
        return BigInteger.valueOf(lastNumber.updateAndGet(previous -> Math.max(previous + 1, now.toEpochMilli())));
    }
}
