package vn.kyso.demopki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.testing.DemoPkiFixture;

class DemoPkiTokenTest {

    private static DemoPki pki;

    @BeforeAll
    static void pki() {
        pki = DemoPkiFixture.shared();
    }

    @Test
    void eachTokenHoldsTheKeysOfItsFamilyWithTheirChains() throws Exception {
        for (KeyFamily family : KeyFamily.values()) {
            KeyStore token = open(family);
            List<DemoIdentity> expected = pki.identities().stream()
                    .filter(identity -> identity.family() == family && identity.inToken())
                    .toList();
            assertThat(Collections.list(token.aliases()))
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(DemoIdentity::keyLabel).toList());
            for (DemoIdentity identity : expected) {
                assertThat(token.entryInstanceOf(identity.keyLabel(), KeyStore.PrivateKeyEntry.class)).isTrue();
                Certificate[] chain = token.getCertificateChain(identity.keyLabel());
                assertThat(Arrays.asList(chain)).as(identity.alias()).isEqualTo(identity.chain());
            }
        }
        assertThat(pki.identity("remote-signer").inToken()).isFalse();
    }

    @Test
    void tokenKeysSignAndTheCertificatesVerify() throws Exception {
        byte[] data = "Cộng hòa Xã hội Chủ nghĩa Việt Nam".getBytes(StandardCharsets.UTF_8);
        for (DemoIdentity identity : pki.identities()) {
            if (!identity.inToken()) {
                continue;
            }
            KeyStore token = open(identity.family());
            PrivateKey key = (PrivateKey) token.getKey(identity.keyLabel(), null);
            String algorithm = identity.keyAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";

            Signature signer = Signature.getInstance(algorithm, pki.pkcs11Provider(identity.family()));
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(identity.certificate().getPublicKey());
            verifier.update(data);
            assertThat(verifier.verify(signature)).as(identity.alias()).isTrue();
        }
    }

    @Test
    void privateKeysAreLabelledAndNotExtractable() throws Exception {
        Path tool = Path.of("/usr/bin/pkcs11-tool");
        // A missing tool fails the test rather than skipping it: CI installs opensc (scripts/deps.sh).
        assertThat(Files.isExecutable(tool)).as("opensc (pkcs11-tool) is installed").isTrue();
        String pin = Files.readAllLines(pki.pinFile(KeyFamily.SPECIALISED)).get(0);
        ProcessBuilder builder = new ProcessBuilder(tool.toString(), "--module", pki.pkcs11Library(),
                "--token-label", pki.tokenLabel(KeyFamily.SPECIALISED), "--login", "--pin", pin,
                "--list-objects", "--type", "privkey").redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", pki.softHsmConf().toString());
        String output = run(builder);
        assertThat(output).contains("label:      ubnd-binh-an", "label:      le-minh-khoa");
        assertThat(output).contains("Access:     sensitive").doesNotContain("extractable");
    }

    private static KeyStore open(KeyFamily family) throws Exception {
        Provider provider = pki.pkcs11Provider(family);
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, Files.readAllLines(pki.pinFile(family)).get(0).toCharArray());
        return token;
    }

    private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
