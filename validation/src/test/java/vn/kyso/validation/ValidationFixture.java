package vn.kyso.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.internal.DssSigningService;
import vn.kyso.validation.demo.DemoValidationSettings;
import vn.kyso.validation.internal.DssValidationService;

/**
 * One validation service over the shared demo PKI per test JVM, the signing service that produces
 * what it validates, and the sample letters.
 */
public final class ValidationFixture {

    public static final Path LETTERS = Path.of("../samples/letters");
    public static final Path ARTIFACTS = Path.of("target/test-artifacts");

    private static DssValidationService service;

    private ValidationFixture() {
    }

    public static DemoPki pki() {
        return DemoPkiFixture.shared();
    }

    public static DssSigningService signer() {
        return SigningFixture.service();
    }

    public static synchronized DssValidationService service() {
        if (service == null) {
            service = newService(settings());
        }
        return service;
    }

    /** A service with its own revocation cache, for tests that change revocation state. */
    public static DssValidationService newService(ValidationSettings settings) {
        return new DssValidationService(settings, Clock.systemUTC());
    }

    public static ValidationSettings settings() {
        return DemoValidationSettings.from(pki());
    }

    public static ValidationSettings offlineSettings() {
        ValidationSettings s = settings();
        return new ValidationSettings(s.trustStores(), true, null, null, 0, null, 0, s.fetch());
    }

    /** Trusting only one family's anchors. */
    public static ValidationSettings trusting(KeyFamily family) {
        ValidationSettings s = settings();
        return new ValidationSettings(s.trustStores().stream().filter(t -> t.family() == family).toList(),
                false, null, null, 0, null, 0, s.fetch());
    }

    public static byte[] oneLetter() {
        return read("cong-van-mot-trang.pdf");
    }

    public static byte[] threePageLetter() {
        return read("cong-van-ba-trang.pdf");
    }

    public static byte[] sign(byte[] pdf, String key, SignatureLevel level) {
        return signer().sign(new SignRequest(new Document("cong-van.pdf", pdf), key, SignOptions.defaults(level)))
                .content();
    }

    public static ValidationResult validate(byte[] content) {
        return service().validate(ValidationRequest.of(new SignedFile("cong-van.pdf", content)));
    }

    public static ValidationResult validate(SignedFile document, SignedFile... originals) {
        return service().validate(new ValidationRequest(document, List.of(originals), null));
    }

    public static Path artifact(String name, byte[] content) {
        try {
            Files.createDirectories(ARTIFACTS);
            Path path = ARTIFACTS.resolve(name);
            Files.write(path, content);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(LETTERS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
