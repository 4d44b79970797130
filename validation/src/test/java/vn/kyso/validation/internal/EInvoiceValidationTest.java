package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Vietnamese e-invoices carry plain XMLDSig signatures, not XAdES: one verdict per signature, naming the
 * signer, the issuer, the signed elements and the signing time, and a changed amount shown as broken.
 */
class EInvoiceValidationTest {

    final Instant sellerTime = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    final Instant taxTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theSellersAndTheTaxAuthoritysSignaturesGetAVerdictEach() throws Exception {
        byte[] invoice = EInvoices.signedBySellerAndTaxAuthority(ValidationFixture.pki(), true, sellerTime, taxTime);
        ValidationFixture.artifact("hoa-don.xml", invoice);

        ValidationReport report = ValidationFixture.validate(new SignedFile("hoa-don.xml", invoice)).report();

        assertThat(report.signatures()).as(report.toString()).hasSize(2);
        SignatureReport seller = signedAt(report, sellerTime);
        SignatureReport tax = signedAt(report, taxTime);
        for (SignatureReport s : java.util.List.of(seller, tax)) {
            assertThat(s.format()).isEqualTo(PlainXmlSignature.FORMAT);
            assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(s.reason().code()).isEqualTo(PlainXmlSignature.PLAIN_XML_SIGNATURE);
            assertThat(s.reason().en()).contains("signature value verifies", "signed data is unchanged",
                    "chains to a trust anchor", "not XAdES");
            assertThat(s.reason().vi()).contains("giá trị chữ ký khớp", "không bị thay đổi");
            assertThat(s.coverage().code()).isEqualTo(PlainXmlSignature.XML_ELEMENTS);
            assertThat(s.coverage().en()).contains("DLHDon (#SigningData)").doesNotContain("SigningTime");
        }
        assertThat(seller.signerName()).isEqualTo(ValidationFixture.pki().identity("cong-ty-sao-mai").displayName());
        assertThat(seller.certificate().issuer()).contains("Demo Public CA");
        assertThat(seller.family()).isEqualTo(KeyFamily.PUBLIC);
        assertThat(seller.reason().en()).contains("SHA-1");
        assertThat(tax.signerName()).isEqualTo(ValidationFixture.pki().identity("ubnd-binh-an").displayName());
        assertThat(tax.certificate().issuer()).contains("Demo Government CA");
        assertThat(tax.reason().en()).doesNotContain("SHA-1");
        assertThat(tax.coverage().en()).contains("MCCQT (#Id-MCCQT)");
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.summary().en()).contains("plain XML signature");
    }

    /** The sample is a genuine XMLDSig for another stack too: xmlsec1 verifies the seller's signature. */
    @Test
    void xmlsec1AgreesOnTheSellersSignature(@TempDir Path dir) throws Exception {
        byte[] invoice = EInvoices.signedBySeller(ValidationFixture.pki(), true, sellerTime);
        Path intact = Files.write(dir.resolve("hoa-don.xml"), invoice);
        Path changed = Files.write(dir.resolve("sua.xml"), new String(invoice, StandardCharsets.UTF_8)
                .replace(EInvoices.TOTAL, "<TgTTTBSo>72000000</TgTTTBSo>").getBytes(StandardCharsets.UTF_8));
        // KeyInfo has the seller's certificate only, as in issued invoices; the issuing CA comes beside it
        byte[] ca = ValidationFixture.pki().identity("cong-ty-sao-mai").chain().get(1).getEncoded();
        Path caPem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ca)
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        assertThat(xmlsec1(intact, caPem)).isZero();
        assertThat(xmlsec1(changed, caPem)).isNotZero();
    }

    private static int xmlsec1(Path file, Path issuingCa) throws Exception {
        Process p = new ProcessBuilder("xmlsec1", "--verify", "--trusted-pem",
                ValidationFixture.pki().trustAnchorsPem(KeyFamily.PUBLIC).toString(), "--untrusted-pem",
                issuingCa.toString(), "--id-attr:Id", "DLHDon",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object", file.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void aChangedAmountBreaksBothSignaturesOverTheInvoiceData() throws Exception {
        byte[] invoice = EInvoices.signedBySellerAndTaxAuthority(ValidationFixture.pki(), false, sellerTime, taxTime);
        String xml = new String(invoice, StandardCharsets.UTF_8);
        assertThat(xml).contains(EInvoices.TOTAL);
        byte[] tampered = xml.replace(EInvoices.TOTAL, "<TgTTTBSo>72000000</TgTTTBSo>")
                .getBytes(StandardCharsets.UTF_8);

        ValidationReport report = ValidationFixture.validate(new SignedFile("hoa-don.xml", tampered)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(s.reason().code()).isEqualTo("HASH_FAILURE");
        });
        assertThat(report.signatures()).extracting(SignatureReport::signerName).containsExactlyInAnyOrder(
                ValidationFixture.pki().identity("cong-ty-sao-mai").displayName(),
                ValidationFixture.pki().identity("ubnd-binh-an").displayName());
    }

    @Test
    void aChangedTaxAuthorityCodeBreaksOnlyTheTaxAuthoritysSignature() throws Exception {
        byte[] invoice = EInvoices.signedBySellerAndTaxAuthority(ValidationFixture.pki(), false, sellerTime, taxTime);
        byte[] tampered = new String(invoice, StandardCharsets.UTF_8)
                .replace("00A1B2C3D4E5F60718293A4B5C6D7E8F90", "00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")
                .getBytes(StandardCharsets.UTF_8);

        ValidationReport report = ValidationFixture.validate(new SignedFile("hoa-don.xml", tampered)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(signedAt(report, sellerTime).reason().code()).isEqualTo(PlainXmlSignature.PLAIN_XML_SIGNATURE);
        assertThat(signedAt(report, taxTime).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(signedAt(report, taxTime).reason().code()).isEqualTo("HASH_FAILURE");
    }

    @Test
    void aReferenceToAnElementTheFileLacksIsTheSignaturesDefectNotAMissingOriginal() throws Exception {
        byte[] invoice = EInvoices.signedBySeller(ValidationFixture.pki(), false, sellerTime);
        byte[] renamed = new String(invoice, StandardCharsets.UTF_8)
                .replace("<DLHDon Id=\"SigningData\">", "<DLHDon Id=\"OtherData\">").getBytes(StandardCharsets.UTF_8);

        ValidationReport report = ValidationFixture.validate(new SignedFile("hoa-don.xml", renamed)).report();

        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.verdict()).as(s.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(s.reason().code()).isIn(PlainXmlSignature.REFERENCED_DATA_MISSING, "HASH_FAILURE");
        assertThat(s.coverage().en()).contains("#SigningData not found");
    }

    @Test
    void insideATaxMessageAndFromASellerOutsideTheTrustStoresEachSignatureIsStillExplained() throws Exception {
        byte[] invoice = EInvoices.inMessage(
                EInvoices.signedBySellerAndTaxAuthority(ValidationFixture.pki(), false, sellerTime, taxTime));
        ValidationReport report;
        try (DssValidationService specialisedOnly = ValidationFixture.newService(
                ValidationFixture.trusting(KeyFamily.SPECIALISED))) {
            report = specialisedOnly.validate(new vn.kyso.validation.ValidationRequest(
                    new SignedFile("thong-diep.xml", invoice), java.util.List.of(), null)).report();
        }

        assertThat(report.signatures()).as(report.toString()).hasSize(2);
        SignatureReport seller = signedAt(report, sellerTime);
        assertThat(seller.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(seller.reason().code()).isNotEqualTo(PlainXmlSignature.PLAIN_XML_SIGNATURE);
        assertThat(seller.reason().en()).contains("a plain XML signature: its value verifies");
        assertThat(seller.signerName()).isEqualTo(ValidationFixture.pki().identity("cong-ty-sao-mai").displayName());
        assertThat(seller.family()).isNull();
        SignatureReport tax = signedAt(report, taxTime);
        assertThat(tax.reason().code()).isEqualTo(PlainXmlSignature.PLAIN_XML_SIGNATURE);
        assertThat(tax.family()).isEqualTo(KeyFamily.SPECIALISED);
    }

    private static SignatureReport signedAt(ValidationReport report, Instant time) {
        return report.signatures().stream().filter(s -> time.equals(s.claimedSigningTime())).findFirst()
                .orElseThrow(() -> new AssertionError("no signature claims " + time + ": " + report));
    }
}
