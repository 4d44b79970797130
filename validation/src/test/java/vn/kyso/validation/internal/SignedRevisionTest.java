package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/** Each signature's signed revision can be taken out of the submitted file, so a person sees what was signed. */
class SignedRevisionTest {

    @Test
    void eachSignatureGivesTheFileAsItWasWhenSigned() {
        byte[] person = ValidationFixture.sign(ValidationFixture.oneLetter(), "tran-thi-bich-ngoc", SignatureLevel.B_B);
        byte[] edited = PdfTampering.appendText(person, "SUA SAU KHI KY");
        byte[] sealed = ValidationFixture.sign(edited, "ubnd-binh-an", SignatureLevel.B_B);
        ValidationReport report = ValidationFixture.validate(sealed).report();
        SignedFile file = new SignedFile("cong-van.pdf", sealed);

        SignatureReport first = report.signatures().get(0);
        SignedFile revision = ValidationFixture.service().signedRevision(file, first.id()).orElseThrow();

        // byte for byte what the person signed (the writer's end-of-line after %%EOF included)
        assertThat(revision.content()).isEqualTo(Arrays.copyOf(person, revision.content().length));
        assertThat(person.length - revision.content().length).isBetween(0, 2);
        assertThat(revision.name()).isEqualTo("cong-van-phien-ban-da-ky.pdf");
        // and it validates on its own as the unchanged letter it was
        ValidationReport alone = ValidationFixture.validate(revision.content()).report();
        assertThat(alone.verdict()).as(alone.toString()).isEqualTo(Verdict.VALID);

        SignatureReport last = report.signatures().get(1);
        assertThat(ValidationFixture.service().signedRevision(file, last.id()).orElseThrow().content())
                .isEqualTo(sealed);
    }

    @Test
    void aLongTermSignatureGivesTheRevisionItSigned() {
        byte[] lta = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LTA);
        var diagnostic = ValidationFixture.validate(lta);
        String signatureId = diagnostic.report().signatures().get(0).id();
        SignedFile file = new SignedFile("a.pdf", lta);

        byte[] signed = ValidationFixture.service().signedRevision(file, signatureId).orElseThrow().content();
        assertThat(signed.length).isLessThan(lta.length);
        assertThat(signed).isEqualTo(Arrays.copyOf(lta, signed.length));
    }

    @Test
    void anUnknownSignatureOrANonPdfGivesNothing() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);

        assertThat(ValidationFixture.service().signedRevision(new SignedFile("a.pdf", signed), "S-NOPE")).isEmpty();
        assertThat(ValidationFixture.service().signedRevision(new SignedFile("a.xml",
                "<?xml version=\"1.0\"?><a/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "S-1")).isEmpty();
    }
}
