package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningSettings;

/** HSM and network faults: clear errors, and recovery without a restart once the fault is gone. */
class HsmFaultsTest {

    final DemoPki pki = SigningFixture.pki();

    @Test
    void wrongPinIsReportedAndTheServiceRecoversWhenThePinIsFixed(@TempDir Path dir) throws Exception {
        Path pinFile = dir.resolve("pin");
        String rightPin = Files.readString(pki.pinFile(KeyFamily.SPECIALISED));
        Files.writeString(pinFile, rightPin);
        SigningSettings base = SigningFixture.settings();
        HsmSettings original = base.hsms().stream().filter(h -> h.family() == KeyFamily.SPECIALISED).findFirst()
                .orElseThrow();
        HsmSettings withPinFile = new HsmSettings(original.name(), original.family(), original.library(),
                original.tokenLabel(), null, new HsmSettings.PinSource(null, pinFile), original.keys(),
                original.trustAnchors(), original.rsaScheme());
        SigningSettings settings = new SigningSettings(List.of(withPinFile), base.tsaUrl(), base.fontFile(), null, 0,
                null, null, Duration.ofMinutes(5), base.fetch());
        try (DssSigningService service = new DssSigningService(settings, Clock.systemUTC())) {
            SignRequest request = new SignRequest(LETTER, "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_B));
            service.sign(request);
            // The PIN is changed on the HSM while the service runs, and the session is lost: the service
            // must log in again and is told the PIN it has is wrong.
            Files.writeString(pinFile, "000000-wrong\n");
            ((Pkcs11KeySigner) keyEntry(service, "ubnd-binh-an").signer()).token().simulateLostLogin();
            assertError(() -> service.sign(request), SigningError.HSM_LOGIN_FAILED);
            // The same wrong PIN is not tried again during the back-off: tokens lock after a few failures.
            assertError(() -> service.sign(request), SigningError.HSM_LOGIN_FAILED);
            assertThat(service.keys()).allSatisfy(k -> assertThat(k.available()).isFalse());

            Files.writeString(pinFile, rightPin);
            SignedDocument signed = service.sign(request);
            assertThat(DssVerdicts.validate(pki, signed.content()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void aLostLoginIsRecoveredTransparently() throws Exception {
        try (DssSigningService service = SigningFixture.newService()) {
            SignRequest request = new SignRequest(LETTER, "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_B));
            service.sign(request);
            Pkcs11KeySigner signer = (Pkcs11KeySigner) keyEntry(service, "ubnd-binh-an").signer();
            signer.token().simulateLostLogin();

            SignedDocument signed = service.sign(request);
            assertThat(DssVerdicts.validate(pki, signed.content()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void concurrentRequestsShareTheTokenSafely() throws Exception {
        DssSigningService service = SigningFixture.service();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SignedDocument>> futures = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                String key = i % 2 == 0 ? "ubnd-binh-an" : "pham-thu-ha";
                futures.add(pool.submit(() -> service.sign(new SignRequest(LETTER, key,
                        SignOptions.defaults(SignatureLevel.B_B)))));
            }
            for (Future<SignedDocument> f : futures) {
                assertThat(DssVerdicts.validate(pki, f.get().content()))
                        .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unavailableTsaAndRevocationRespondersGiveClearErrorsAndRecover() {
        try (DssSigningService service = SigningFixture.newService()) {
            pki.setRespondersAvailable(false);
            try {
                assertError(() -> service.sign(new SignRequest(LETTER, "pham-thu-ha",
                        SignOptions.defaults(SignatureLevel.B_T))), SigningError.TSA_UNAVAILABLE);
            } finally {
                pki.setRespondersAvailable(true);
            }
            SignedDocument signed = service.sign(new SignRequest(LETTER, "pham-thu-ha",
                    SignOptions.defaults(SignatureLevel.B_LT)));
            assertThat(signed.level()).isEqualTo(SignatureLevel.B_LT);
        }
    }

    private static KeyEntry keyEntry(DssSigningService service, String id) {
        return service.keyRegistry().find(id);
    }
}
