package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.Verdict;

/** Everything the signing module produces validates as VALID at its own format and level. */
class FormatsValidationTest {

    static final Document LETTER = new Document("cong-van.pdf", ValidationFixture.oneLetter());
    static final Document XML = new Document("to-trinh.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ToTrinh><TrichYeu>Về việc cấp phép</TrichYeu></ToTrinh>"
                    .getBytes(StandardCharsets.UTF_8));
    static final Document JSON = new Document("ket-qua.json",
            "{\"maHoSo\":\"H12.34-261123-0001\",\"ketQua\":\"Đã cấp\"}".getBytes(StandardCharsets.UTF_8));
    static final Document BINARY = new Document("bang-ke.docx", new byte[] {0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5});

    static Stream<Arguments> formatsAndLevels() {
        return Stream.of(SignatureFormat.values()).flatMap(f -> Stream.of(SignatureLevel.values())
                .flatMap(l -> Stream.of(Arguments.of(f, l, "ubnd-binh-an", KeyFamily.SPECIALISED),
                        Arguments.of(f, l, "pham-thu-ha", KeyFamily.PUBLIC))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("formatsAndLevels")
    void everySignedOutputIsValidAtItsLevel(SignatureFormat format, SignatureLevel level, String key,
            KeyFamily family) {
        Document doc = switch (format) {
            case PADES -> LETTER;
            case XADES -> XML;
            case JADES -> JSON;
            case CADES -> BINARY;
        };
        SignedDocument signed = ValidationFixture.signer().sign(new SignRequest(doc, key,
                new SignOptions(null, level, null, Appearance.NONE, null, null, null, null, null)));

        ValidationResult result = format == SignatureFormat.CADES
                ? ValidationFixture.validate(new SignedFile(signed.name(), signed.content()),
                        new SignedFile(doc.name(), doc.content()))
                : ValidationFixture.validate(new SignedFile(signed.name(), signed.content()));

        ValidationReport report = result.report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.verdict()).isEqualTo(Verdict.VALID);
        assertThat(s.reason().code()).isEqualTo("VALID");
        assertThat(s.format()).isEqualTo(expectedFormat(format, level));
        assertThat(s.family()).isEqualTo(family);
        assertThat(s.signerName()).isEqualTo(ValidationFixture.pki().identity(key).displayName());
        assertThat(s.organisation()).isEqualTo(ValidationFixture.pki().identity(key).organisation());
        assertThat(s.certificate().serialNumber()).isEqualToIgnoringCase(
                ValidationFixture.pki().identity(key).certificate().getSerialNumber().toString(16));
        assertThat(s.revocation().status()).isEqualTo("GOOD");
        assertThat(s.revocation().checkedAt()).isNotNull();
        assertThat(s.claimedSigningTime()).isEqualTo(signed.signingTime());
        if (level == SignatureLevel.B_B) {
            assertThat(s.timestamps()).isEmpty();
        } else {
            assertThat(s.timestamps()).isNotEmpty().allMatch(SignatureReport.TimestampInfo::valid);
            assertThat(s.timestamps()).extracting(SignatureReport.TimestampInfo::type)
                    .contains("SIGNATURE_TIMESTAMP");
        }
        if (level == SignatureLevel.B_LTA) {
            assertThat(s.timestamps()).extracting(SignatureReport.TimestampInfo::type)
                    .containsAnyOf("ARCHIVE_TIMESTAMP", "DOCUMENT_TIMESTAMP");
        }
        assertThat(s.changesAfterSigning()).allMatch(PdfChanges::permitted);
        String coverage = switch (format) {
            case CADES -> Coverage.DETACHED_ORIGINAL;
            case PADES -> level == SignatureLevel.B_LT || level == SignatureLevel.B_LTA ? Coverage.REVISION
                    : Coverage.WHOLE_DOCUMENT;
            default -> Coverage.WHOLE_DOCUMENT;
        };
        assertThat(s.coverage().code()).isEqualTo(coverage);
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().vi()).startsWith("Văn bản hợp lệ — ký bởi ").contains("+07:00");
        assertThat(new String(result.etsiReport(), StandardCharsets.UTF_8)).contains(s.id());
    }

    static String expectedFormat(SignatureFormat format, SignatureLevel level) {
        String prefix = switch (format) {
            case PADES -> "PAdES";
            case XADES -> "XAdES";
            case CADES -> "CAdES";
            case JADES -> "JAdES";
        };
        String suffix = switch (level) {
            case B_B -> "B";
            case B_T -> "T";
            case B_LT -> "LT";
            case B_LTA -> "LTA";
        };
        return prefix + "-BASELINE-" + suffix;
    }

    @Test
    void personThenOrganisationOnOneLetterAreTwoValidSignaturesInSigningOrder() {
        SignedDocument person = ValidationFixture.signer().sign(new SignRequest(LETTER, "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null)));
        SignedDocument both = ValidationFixture.signer().sign(new SignRequest(
                new Document("cong-van.pdf", person.content()), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null)));

        ValidationReport report = ValidationFixture.validate(both.content()).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).extracting(SignatureReport::signerName)
                .containsExactly("Trần Thị Bích Ngọc", "Ủy ban nhân dân tỉnh Bình An");
        assertThat(report.signatures()).extracting(SignatureReport::verdict).containsOnly(Verdict.VALID);
        assertThat(report.signatures()).extracting(SignatureReport::family).containsOnly(KeyFamily.SPECIALISED);
        SignatureReport first = report.signatures().get(0);
        assertThat(first.coverage().code()).isEqualTo(Coverage.REVISION);
        assertThat(first.coverage().en()).contains("revision 2 of 5");
        assertThat(first.changesAfterSigning()).extracting(e -> e.code())
                .contains(PdfChanges.LATER_SIGNATURE, PdfChanges.VALIDATION_DATA_ADDED);
        assertThat(report.signatures().get(1).format()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(report.summary().vi()).isEqualTo("Văn bản hợp lệ — ký bởi Trần Thị Bích Ngọc (Ủy ban nhân dân "
                + "tỉnh Bình An) lúc " + VnTime.format(person.signingTime()) + "; Ủy ban nhân dân tỉnh Bình An lúc "
                + VnTime.format(both.signingTime()));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void wholeDocumentCoverageForASingleBasicSignature() {
        byte[] signed = ValidationFixture.sign(LETTER.content(), "ubnd-binh-an", SignatureLevel.B_B);
        SignatureReport s = ValidationFixture.validate(signed).report().signatures().get(0);
        assertThat(s.coverage().code()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(s.coverage().vi()).isEqualTo("Toàn bộ văn bản");
        assertThat(s.changesAfterSigning()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureFormat.class, names = {"XADES", "CADES"})
    void asicEContainersAreValidAndListTheirFiles(SignatureFormat format) {
        SignedDocument container = ValidationFixture.signer().signContainer(new ContainerRequest(
                List.of(LETTER, XML, BINARY), "so-noi-vu-binh-an", format, SignatureLevel.B_LT, null));

        ValidationReport report = ValidationFixture.validate(new SignedFile(container.name(), container.content()))
                .report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.format()).isEqualTo(format == SignatureFormat.XADES ? "XAdES-BASELINE-LT" : "CAdES-BASELINE-LT");
        assertThat(s.coverage().code()).isEqualTo(Coverage.FILES);
        assertThat(s.coverage().en()).contains("cong-van.pdf", "to-trinh.xml", "bang-ke.docx");
    }

    @Test
    void asicSContainersAndCompactJwsAreValid() {
        DirectSigner signer = DirectSigner.software(ValidationFixture.pki());
        for (byte[] container : List.of(signer.asicsXades(LETTER.content(), "cong-van.pdf"),
                signer.asicsCades(LETTER.content(), "cong-van.pdf"))) {
            ValidationReport report = ValidationFixture.validate(new SignedFile("cong-van.asics", container)).report();
            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
            assertThat(report.signatures().get(0).family()).isEqualTo(KeyFamily.PUBLIC);
            assertThat(report.signatures().get(0).coverage().en()).contains("cong-van.pdf");
        }
        byte[] jws = signer.jwsCompact(JSON.content());
        assertThat(ContentKind.sniff(jws)).contains(ContentKind.JWS_COMPACT);
        ValidationReport report = ValidationFixture.validate(new SignedFile("ket-qua.jws", jws)).report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures().get(0).format()).isEqualTo("JAdES-BASELINE-B");
    }

    @Test
    void xadesDetachedAndCadesEnvelopingAreValid() {
        SignedDocument xades = ValidationFixture.signer().sign(new SignRequest(BINARY, "tran-thi-bich-ngoc",
                new SignOptions(SignatureFormat.XADES, SignatureLevel.B_T, Packaging.DETACHED, null, null, null, null,
                        null, null)));
        ValidationReport detached = ValidationFixture.validate(new SignedFile(xades.name(), xades.content()),
                new SignedFile(BINARY.name(), BINARY.content())).report();
        assertThat(detached.verdict()).as(detached.toString()).isEqualTo(Verdict.VALID);
        assertThat(detached.signatures().get(0).coverage().code()).isEqualTo(Coverage.DETACHED_ORIGINAL);
        assertThat(detached.signatures().get(0).coverage().en()).contains("bang-ke.docx");

        SignedDocument cades = ValidationFixture.signer().sign(new SignRequest(BINARY, "tran-thi-bich-ngoc",
                new SignOptions(SignatureFormat.CADES, SignatureLevel.B_B, Packaging.ENVELOPING, null, null, null,
                        null, null, null)));
        ValidationReport enveloping = ValidationFixture.validate(new SignedFile(cades.name(), cades.content()))
                .report();
        assertThat(enveloping.verdict()).as(enveloping.toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anUnsignedPdfIsReportedUnsigned() {
        ValidationReport report = ValidationFixture.validate(LETTER.content()).report();
        assertThat(report.verdict()).isEqualTo(Verdict.UNSIGNED);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.summary().vi()).isEqualTo("Văn bản không có chữ ký số");
    }

    @Test
    void theEtsiReportIsXmlNamingEverySignature() throws Exception {
        SignedDocument person = ValidationFixture.signer().sign(new SignRequest(LETTER, "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_B)));
        SignedDocument both = ValidationFixture.signer().sign(new SignRequest(
                new Document("cong-van.pdf", person.content()), "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_T)));
        ValidationResult result = ValidationFixture.validate(both.content());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.etsiReport()));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("ValidationReport");
        NodeList objects = xml.getElementsByTagNameNS("*", "SignatureValidationReport");
        assertThat(objects.getLength()).isGreaterThanOrEqualTo(2);
        String text = new String(result.etsiReport(), StandardCharsets.UTF_8);
        for (SignatureReport s : result.report().signatures()) {
            assertThat(text).contains(s.id());
        }
        assertThat(((Element) objects.item(0)).getElementsByTagNameNS("*", "MainIndication").getLength()).isPositive();
        ValidationFixture.artifact("etsi-report.xml", result.etsiReport());
    }
}
