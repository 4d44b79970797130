package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import eu.europa.esig.dss.enumerations.Indication;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;
import vn.kyso.core.testing.Eventually;

/** Two-step signing with a key the service never sees, as a USB token or a mobile app would sign. */
class RemoteSigningTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();
    final DemoIdentity remote = pki.identity("remote-signer");

    @Test
    void preparedThenCompletedSignatureIsValidAndKeepsTheSigningTimeOfStepOne() throws Exception {
        PreparedSignature prepared = service.prepare(new PrepareRequest(LETTER, chain(),
                SignOptions.defaults(SignatureLevel.B_LT)));
        assertThat(prepared.signatureAlgorithm()).isEqualTo("SHA256withRSA");

        // Completed in a later second than prepared, so a signing time taken at completion would show.
        Eventually.pastTheSecondOf(prepared.signingTime());
        SignedDocument signed = service.complete(new CompleteRequest(prepared.id(), deviceSigns(prepared)));

        assertThat(signed.signingTime()).isEqualTo(prepared.signingTime());
        assertThat(DssVerdicts.validate(pki, signed.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void aPreparedSignatureIsSingleUseAndChecksTheValue() throws Exception {
        PreparedSignature prepared = service.prepare(new PrepareRequest(LETTER, chain(),
                SignOptions.defaults(SignatureLevel.B_B)));
        byte[] value = deviceSigns(prepared);
        byte[] wrong = value.clone();
        wrong[10] ^= 1;

        assertError(() -> service.complete(new CompleteRequest(prepared.id(), wrong)),
                SigningError.SIGNATURE_VALUE_INVALID);
        // A rejected value leaves the prepared signature in place (issue #13): the right value completes it,
        // and then it is gone.
        SignedDocument signed = service.complete(new CompleteRequest(prepared.id(), value));
        assertThat(signed.signingTime()).isEqualTo(prepared.signingTime());
        assertError(() -> service.complete(new CompleteRequest(prepared.id(), value)),
                SigningError.PREPARED_SIGNATURE_NOT_FOUND);
        assertError(() -> service.complete(new CompleteRequest("no-such-id", value)),
                SigningError.PREPARED_SIGNATURE_NOT_FOUND);
    }

    @Test
    void onlyTheCallerWhoPreparedItMayCompleteIt() throws Exception {
        PreparedSignature prepared = service.prepare(new PrepareRequest(LETTER, chain(),
                SignOptions.defaults(SignatureLevel.B_B), "alice"));
        byte[] value = deviceSigns(prepared);

        assertError(() -> service.complete(new CompleteRequest(prepared.id(), value, "mallory")),
                SigningError.PREPARED_SIGNATURE_NOT_FOUND);
        assertError(() -> service.complete(new CompleteRequest(prepared.id(), value)),
                SigningError.PREPARED_SIGNATURE_NOT_FOUND);
        SignedDocument signed = service.complete(new CompleteRequest(prepared.id(), value, "alice"));
        assertThat(DssVerdicts.validate(pki, signed.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void refusesUnusableCertificates() {
        assertError(() -> service.prepare(new PrepareRequest(LETTER, List.of(new byte[] {1, 2, 3}),
                SignOptions.defaults(SignatureLevel.B_B))), SigningError.CERTIFICATE_INVALID);
        assertError(() -> service.prepare(new PrepareRequest(LETTER, chain(), new SignOptions(null,
                SignatureLevel.B_B, null, null, null, null, null, null, KeyFamily.SPECIALISED))),
                SigningError.KEY_FAMILY_MISMATCH);
        assertError(() -> service.prepare(new PrepareRequest(LETTER, chain(),
                SignOptions.defaults(SignatureLevel.B_B).withAppearance(Appearance.PERSON, null))),
                SigningError.APPEARANCE_INVALID);
    }

    private List<byte[]> chain() {
        List<byte[]> ders = new ArrayList<>();
        for (X509Certificate c : remote.chain()) {
            try {
                ders.add(c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ders;
    }

    private byte[] deviceSigns(PreparedSignature prepared) throws Exception {
        KeyStore.PrivateKeyEntry key = pki.softwareKey("remote-signer");
        Signature s = Signature.getInstance(prepared.signatureAlgorithm());
        s.initSign(key.getPrivateKey());
        s.update(prepared.dataToSign());
        return s.sign();
    }
}
