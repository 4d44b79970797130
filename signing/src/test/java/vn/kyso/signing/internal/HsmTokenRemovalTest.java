package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.testing.Eventually;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningSettings;

/**
 * Issue #13: an HSM token removed and put back (SoftHSM2: its token directory moved away and back, as a
 * USB token pulled out or a network HSM partition gone) makes signing answer HSM_UNAVAILABLE and the key
 * unavailable (health DOWN) while it is away, and both recover without a restart once it is back.
 * The token is one of this test's own, with a key of the demo PKI, on the demo's SoftHSM2 library.
 */
class HsmTokenRemovalTest {

    private static final String PIN = "246810";

    final DemoPki pki = SigningFixture.pki();

    @Test
    void signingAndHealthRecoverWhenARemovedTokenIsBack(@TempDir Path away) throws Exception {
        DemoIdentity identity = pki.identities().stream().filter(i -> !i.inToken()).findFirst().orElseThrow();
        String label = "kyso-removable-" + UUID.randomUUID().toString().substring(0, 8);
        Path tokens = tokenDirectory();
        Set<Path> before = children(tokens);
        softhsm("--init-token", "--free", "--label", label, "--so-pin", "135790", "--pin", PIN);
        Path tokenDir = children(tokens).stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
        Path pinFile = Files.writeString(away.resolve("pin"), PIN);
        try {
            importKey(label, identity);
            HsmSettings hsm = new HsmSettings("removable", identity.family(), Path.of(pki.pkcs11Library()), label,
                    null, new HsmSettings.PinSource(null, pinFile), List.of(new HsmSettings.KeySettings(
                            "removable-key", identity.alias(), null, KeyInfo.KeyHolder.PERSON, null)),
                    pki.trustAnchorsPem(identity.family()), null);
            SigningSettings base = SigningFixture.settings();
            SigningSettings settings = new SigningSettings(List.of(hsm), base.tsaUrl(), base.fontFile(), null, 0,
                    null, null, Duration.ofMinutes(5), base.fetch());
            SignRequest request = new SignRequest(LETTER, "removable-key", SignOptions.defaults(SignatureLevel.B_B));
            try (DssSigningService service = new DssSigningService(settings, Clock.systemUTC())) {
                assertSigns(service, request);

                Files.move(tokenDir, away.resolve("token")); // the token is gone
                assertError(() -> service.sign(request), SigningError.HSM_UNAVAILABLE);
                assertThat(service.keys()).singleElement().satisfies(k -> assertThat(k.available())
                        .as("health DOWN while the token is away").isFalse());

                Files.move(away.resolve("token"), tokenDir); // and back
                // The library is re-initialised at most every few seconds; the next health check after that sees it.
                List<KeyInfo> keys = Eventually.until(TokenLabels.REINITIALISE_INTERVAL.multipliedBy(3),
                        Duration.ofMillis(500), service::keys, k -> k.get(0).available());
                assertThat(keys).singleElement().satisfies(k -> assertThat(k.available())
                        .as("health UP again without a restart").isTrue());
                assertSigns(service, request);
            }
        } finally {
            if (Files.exists(away.resolve("token"))) {
                Files.move(away.resolve("token"), tokenDir);
            }
            softhsm("--delete-token", "--token", label);
        }
    }

    private void assertSigns(DssSigningService service, SignRequest request) throws Exception {
        assertThat(DssVerdicts.validate(pki, service.sign(request).content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    /** The demo identity's key and chain onto the new token, through a provider on its slot. */
    private void importKey(String label, DemoIdentity identity) throws Exception {
        // The token was made after this process loaded the library: only a re-initialised library lists it.
        Eventually.until(TokenLabels.REINITIALISE_INTERVAL.multipliedBy(2), Duration.ofMillis(500),
                () -> TokenLabels.reinitialise(pki.pkcs11Library()), ran -> ran);
        long slot = TokenLabels.slotsByLabel(pki.pkcs11Library()).get(label);
        Provider provider = Security.getProvider("SunPKCS11").configure("--name=kyso-import-" + label + "\n"
                + "library=" + pki.pkcs11Library() + "\nslot=" + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", provider);
        ks.load(null, PIN.toCharArray());
        KeyStore.PrivateKeyEntry key = pki.softwareKey(identity.alias());
        ks.setEntry(identity.alias(), new KeyStore.PrivateKeyEntry(key.getPrivateKey(),
                key.getCertificateChain().clone()), null);
        assertThat(ks.getCertificateChain(identity.alias())).extracting(Certificate::getType).isNotEmpty();
    }

    private Path tokenDirectory() throws Exception {
        for (String line : Files.readAllLines(pki.softHsmConf(), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("directories.tokendir")) {
                return Path.of(t.substring(t.indexOf('=') + 1).strip());
            }
        }
        throw new AssertionError("no tokendir in " + pki.softHsmConf());
    }

    private static Set<Path> children(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new HashSet<>(s.toList());
        }
    }

    private void softhsm(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("softhsm2-util"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", pki.softHsmConf().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
