package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;

/**
 * Signs through the real PKCS#11 path (SoftHSM2 tokens of the demo PKI) in every format and level,
 * and validates every output with plain DSS against the demo trust anchors.
 */
class SigningServiceTest {

    static final Document LETTER = new Document("công-văn.pdf", SampleLetters.oneLetter());
    static final Document XML = new Document("to-trinh.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ToTrinh><TrichYeu>Về việc cấp phép</TrichYeu></ToTrinh>"
                    .getBytes(StandardCharsets.UTF_8));
    static final Document JSON = new Document("ket-qua.json",
            "{\"maHoSo\":\"H12.34-261123-0001\",\"ketQua\":\"Đã cấp\"}".getBytes(StandardCharsets.UTF_8));
    static final Document BINARY = new Document("bang-ke.docx", new byte[] {0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5});

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    static Stream<Arguments> formatsAndLevels() {
        return Stream.of(SignatureFormat.values()).flatMap(f -> Stream.of(SignatureLevel.values())
                .map(l -> Arguments.of(f, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndLevels")
    void signsEveryFormatAtEveryLevelAndDssValidatesIt(SignatureFormat format, SignatureLevel level) {
        Document doc = switch (format) {
            case PADES -> LETTER;
            case XADES -> XML;
            case JADES -> JSON;
            case CADES -> BINARY;
        };
        SignedDocument signed = service.sign(new SignRequest(doc, "ubnd-binh-an",
                new SignOptions(null, level, null, Appearance.NONE, null, null, null, null, null)));

        assertThat(signed.format()).isEqualTo(format);
        assertThat(signed.level()).isEqualTo(level);
        Document[] detached = format == SignatureFormat.CADES ? new Document[] {doc} : new Document[0];
        List<DssVerdicts.Verdict> verdicts = DssVerdicts.validate(pki, signed.content(), detached);
        assertThat(verdicts).hasSize(1);
        assertThat(verdicts.get(0).indication()).as(verdicts.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdicts.get(0).format()).isEqualTo(DssParameters.level(format, level).toString());
    }

    @Test
    void signsXmlDetachedAndCadesEnveloping() {
        SignedDocument xades = service.sign(new SignRequest(BINARY, "tran-thi-bich-ngoc",
                new SignOptions(SignatureFormat.XADES, SignatureLevel.B_T, Packaging.DETACHED, null, null, null, null,
                        DigestAlgorithm.SHA512, null)));
        assertThat(DssVerdicts.validate(pki, xades.content(), BINARY))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);

        SignedDocument cades = service.sign(new SignRequest(BINARY, "tran-thi-bich-ngoc",
                new SignOptions(SignatureFormat.CADES, SignatureLevel.B_B, Packaging.ENVELOPING, null, null, null,
                        null, null, null)));
        assertThat(cades.name()).endsWith(".p7m");
        assertThat(DssVerdicts.validate(pki, cades.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @EnumSource(value = SignatureFormat.class, names = {"XADES", "CADES"})
    void signsSeveralFilesIntoAnAsicEContainer(SignatureFormat format) {
        SignedDocument container = service.signContainer(new ContainerRequest(List.of(LETTER, XML, BINARY),
                "so-noi-vu-binh-an", format, SignatureLevel.B_LT, null));

        assertThat(container.mediaType()).isEqualTo("application/vnd.etsi.asic-e+zip");
        assertThat(DssVerdicts.validate(pki, container.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void signsWithAnEcdsaP256Key() {
        KeyInfo info = service.keys().stream().filter(k -> k.id().equals("le-minh-khoa")).findFirst().orElseThrow();
        assertThat(info.algorithm()).isEqualTo("EC-P256");
        SignedDocument signed = service.sign(new SignRequest(LETTER, "le-minh-khoa",
                SignOptions.defaults(SignatureLevel.B_LT)));
        assertThat(DssVerdicts.validate(pki, signed.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void personThenOrganisationSignaturesOnOneLetterAreBothValid() {
        SignedDocument person = service.sign(new SignRequest(LETTER, "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null)));
        SignedDocument both = service.sign(new SignRequest(new Document("công-văn.pdf", person.content()),
                "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION,
                        null)));

        List<DssVerdicts.Verdict> verdicts = DssVerdicts.validate(pki, both.content());
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts).extracting(DssVerdicts.Verdict::indication)
                .as(verdicts.toString()).containsOnly(Indication.TOTAL_PASSED);
    }

    @Test
    void listsKeysOfBothFamilies() {
        List<KeyInfo> keys = service.keys();
        assertThat(keys).extracting(KeyInfo::id).contains("ubnd-binh-an", "tran-thi-bich-ngoc", "cong-ty-sao-mai",
                "pham-thu-ha", "het-han").doesNotContain("remote-signer");
        KeyInfo org = keys.stream().filter(k -> k.id().equals("ubnd-binh-an")).findFirst().orElseThrow();
        assertThat(org.family()).isEqualTo(KeyFamily.SPECIALISED);
        assertThat(org.holder()).isEqualTo(KeyInfo.KeyHolder.ORGANISATION);
        assertThat(org.subject()).contains("Ủy ban nhân dân tỉnh Bình An");
        assertThat(org.available()).isTrue();
        assertThat(keys.stream().filter(k -> k.id().equals("pham-thu-ha")).findFirst().orElseThrow().family())
                .isEqualTo(KeyFamily.PUBLIC);
    }

    @Test
    void batchReportsEachDocumentSeparately() {
        SignOptions pdf = new SignOptions(SignatureFormat.PADES, SignatureLevel.B_B, null, null, null, null, null,
                null, null);
        List<BatchItemResult> results = service.signBatch(List.of(
                new SignRequest(LETTER, "ubnd-binh-an", pdf),
                new SignRequest(XML, "ubnd-binh-an", pdf),
                new SignRequest(LETTER, "khong-co", pdf)));

        assertThat(results).extracting(BatchItemResult::succeeded).containsExactly(true, false, false);
        assertThat(results.get(1).failure().code()).isEqualTo("NOT_A_PDF");
        assertThat(results.get(2).failure().code()).isEqualTo("KEY_NOT_FOUND");
    }

    @Test
    void refusesBadRequestsWithStableCodes() {
        SignOptions bb = SignOptions.defaults(SignatureLevel.B_B);
        assertError(() -> service.sign(new SignRequest(LETTER, "khong-co", bb)), SigningError.KEY_NOT_FOUND);
        assertError(() -> service.sign(new SignRequest(LETTER, "het-han", bb)), SigningError.CERTIFICATE_EXPIRED);
        assertError(() -> service.sign(new SignRequest(LETTER, "pham-thu-ha", new SignOptions(null,
                SignatureLevel.B_B, null, null, null, null, null, null, KeyFamily.SPECIALISED))),
                SigningError.KEY_FAMILY_MISMATCH);
        assertError(() -> service.sign(new SignRequest(XML, "ubnd-binh-an", new SignOptions(SignatureFormat.PADES,
                SignatureLevel.B_B, null, null, null, null, null, null, null))), SigningError.NOT_A_PDF);
        assertError(() -> service.sign(new SignRequest(new Document("x.pdf", encryptedLetter()),
                "ubnd-binh-an", bb)), SigningError.ENCRYPTED_PDF);
        byte[] truncated = java.util.Arrays.copyOf(LETTER.content(), LETTER.content().length / 3);
        assertError(() -> service.sign(new SignRequest(new Document("x.pdf", truncated), "ubnd-binh-an", bb)),
                SigningError.MALFORMED_DOCUMENT);
        assertError(() -> service.sign(new SignRequest(BINARY, "ubnd-binh-an",
                bb.withAppearance(Appearance.PERSON, null))), SigningError.APPEARANCE_INVALID);
        assertError(() -> service.sign(new SignRequest(new Document("empty", new byte[0]), "ubnd-binh-an", bb)),
                SigningError.MALFORMED_DOCUMENT);
    }

    static byte[] encryptedLetter() {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(LETTER.content());
                var out = new java.io.ByteArrayOutputStream()) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertError(Runnable call, SigningError expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(expected));
    }
}
