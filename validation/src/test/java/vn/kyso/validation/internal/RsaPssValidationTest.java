package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.internal.DssSigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.Verdict;

/**
 * RSASSA-PSS signatures (the demo's specialised key set as the demo runs it; Circular 15/2025) are VALID in our
 * validator in every format, at B-T and B-LT.
 */
class RsaPssValidationTest {

    private static DssSigningService pss;

    @BeforeAll
    static void start() {
        pss = SigningFixture.newPssService();
    }

    @AfterAll
    static void stop() {
        pss.close();
    }

    static Stream<Arguments> formatsAndLevels() {
        return Stream.of(SignatureFormat.values()).flatMap(f -> Stream.of(SignatureLevel.B_T, SignatureLevel.B_LT)
                .map(l -> Arguments.of(f, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndLevels")
    void pssSignaturesOfTheSpecialisedSetAreValid(SignatureFormat format, SignatureLevel level) {
        Document doc = switch (format) {
            case PADES -> FormatsValidationTest.LETTER;
            case XADES -> FormatsValidationTest.XML;
            case JADES -> FormatsValidationTest.JSON;
            case CADES -> FormatsValidationTest.BINARY;
        };
        SignedDocument signed = pss.sign(new SignRequest(doc, "ubnd-binh-an",
                new SignOptions(null, level, null, Appearance.NONE, null, null, null, null, null)));

        ValidationResult result = format == SignatureFormat.CADES
                ? ValidationFixture.validate(new SignedFile(signed.name(), signed.content()),
                        new SignedFile(doc.name(), doc.content()))
                : ValidationFixture.validate(new SignedFile(signed.name(), signed.content()));

        ValidationReport report = result.report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.signatures().get(0).reason().code()).isEqualTo("VALID");
    }
}
