package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import eu.europa.esig.dss.enumerations.Indication;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.spi.KeySigner;

/**
 * The KeySigner port with signers that are not PKCS#11: a software key standing in for a USB token or a
 * remote signing service that answers signature values. They sign through the two-step flow, with its
 * checks.
 */
class KeySignerTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    /** A signer the service cannot see into: it is handed data, answers a value, counts its calls. */
    static final class DeviceSigner implements KeySigner {
        private final List<X509Certificate> chain;
        private final PrivateKey key;
        private final boolean corrupt;
        final AtomicInteger calls = new AtomicInteger();
        final List<String> algorithms = new ArrayList<>();

        DeviceSigner(List<X509Certificate> chain, PrivateKey key, boolean corrupt) {
            this.chain = chain;
            this.key = key;
            this.corrupt = corrupt;
        }

        @Override
        public List<X509Certificate> certificateChain() {
            return chain;
        }

        @Override
        public byte[] sign(byte[] data, String jcaAlgorithm) {
            calls.incrementAndGet();
            algorithms.add(jcaAlgorithm);
            try {
                Signature s = Signature.getInstance(jcaAlgorithm);
                s.initSign(key);
                s.update(data);
                byte[] value = s.sign();
                if (corrupt) {
                    value[value.length / 2] ^= 1;
                }
                return value;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    DeviceSigner remoteSigner(boolean corrupt) {
        return new DeviceSigner(pki.identity("remote-signer").chain(),
                pki.softwareKey("remote-signer").getPrivateKey(), corrupt);
    }

    @Test
    void aNonPkcs11SignerSignsAPdfThatValidates() {
        DeviceSigner device = remoteSigner(false);

        SignedDocument signed = service.signWith(device, LETTER, SignOptions.defaults(SignatureLevel.B_LT));

        assertThat(device.calls).hasValue(1);
        assertThat(device.algorithms).containsExactly("SHA256withRSA");
        assertThat(signed.keyId()).as("no key of the service signed").isNull();
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(DssVerdicts.validate(pki, signed.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void aNonPkcs11SignerSignsOtherFormatsToo() {
        Document binary = SigningServiceTest.BINARY;
        SignedDocument cades = service.signWith(remoteSigner(false), binary, new SignOptions(SignatureFormat.CADES,
                SignatureLevel.B_B, null, null, null, null, null, null, null));

        assertThat(cades.format()).isEqualTo(SignatureFormat.CADES);
        assertThat(DssVerdicts.validate(pki, cades.content(), binary))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void aWrongValueFromTheDeviceIsRefused() {
        assertError(() -> service.signWith(remoteSigner(true), LETTER, SignOptions.defaults(SignatureLevel.B_B)),
                SigningError.SIGNATURE_VALUE_INVALID);
    }

    @Test
    void theSignersCertificateIsCheckedBeforeTheDeviceIsAsked() {
        SoftwareSigner outside = new SoftwareSigner();
        SoftwareSigner.Identity stranger = outside.person();
        DeviceSigner untrusted = new DeviceSigner(List.of(stranger.certificate(), outside.root), stranger.key(),
                false);
        assertError(() -> service.signWith(untrusted, LETTER, SignOptions.defaults(SignatureLevel.B_B)),
                SigningError.CERTIFICATE_UNTRUSTED);

        DeviceSigner wrongFamily = remoteSigner(false);
        assertError(() -> service.signWith(wrongFamily, LETTER, new SignOptions(null, SignatureLevel.B_B, null, null,
                null, null, null, null, KeyFamily.SPECIALISED)), SigningError.KEY_FAMILY_MISMATCH);

        assertThat(untrusted.calls).hasValue(0);
        assertThat(wrongFamily.calls).hasValue(0);
    }
}
