package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.validation.internal.TamperingTest.codes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Attacks from the PDF signature papers, each generated here on a letter signed with the demo's trusted
 * keys: the verdict is never VALID and the report names the attack, whoever signed.
 */
class PdfAttacksTest {

    static byte[] signed;
    static byte[] lta;

    @BeforeAll
    static void sign() {
        signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        lta = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LTA);
    }

    @Test
    void twoCrossReferenceEntriesSharingOneNewObjectShadowASignedObject() {
        // the case: reported VALID with no finding before the sections were read one by one
        ValidationReport report = validate(PdfAttacks.sharedOffsetShadow(signed));

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSections.XREF_SHARED_OFFSET, PdfSections.XREF_MISMATCH);
        assertThat(report.summary().en()).contains("shadow attack");
        assertThat(report.summary().vi()).startsWith("Văn bản KHÔNG hợp lệ — bảng tham chiếu chéo");
    }

    @Test
    void theSameShadowInACrossReferenceStreamIsReported() {
        ValidationReport report = validate(PdfAttacks.sharedOffsetShadowInStream(signed));

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSections.XREF_SHARED_OFFSET, PdfSections.XREF_MISMATCH);
    }

    @Test
    void anEntryRedirectedToOtherSignedBytesIsReported() {
        // object 27 is the signature widget's empty appearance: signed, never shown on the page
        ValidationReport report = validate(PdfAttacks.redirectedEntry(signed, 27));

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSections.XREF_REDIRECTED, PdfSections.XREF_MISMATCH);
    }

    @Test
    void anObjectDefinedTwiceInOneAppendedSectionIsReported() {
        ValidationReport report = validate(PdfAttacks.objectDefinedTwice(signed));

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSections.OBJECT_DEFINED_TWICE);
    }

    @Test
    void aSignedObjectRedefinedWithAnHonestTableIsAContentChange() {
        ValidationReport report = validate(PdfAttacks.redefinedObject(signed));

        assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(codes(report.findings())).contains(ReportAssembler.MODIFIED_AFTER_SIGNING,
                PdfChanges.CONTENT_CHANGED);
    }

    @Test
    void anAppendedSectionThatDoesNotChainToTheSignedTableIsReported() {
        // one byte before the signed table: PDFBox still finds it, a strict reader does not
        byte[] wrongPrev = PdfAttacks.editInPlace(PdfAttacks.redefinedObject(signed),
                "/Prev \\d+(?= >>\\nstartxref\\n\\d+\\n%%EOF\\n$)", "/Prev " + (PdfAttacks.lastStartxref(signed) - 1));
        ValidationReport report = validate(wrongPrev);

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSections.XREF_CHAIN_BROKEN);
    }

    @Test
    void aSectionThatForgetsTheSignedTableIsRefusedNotPassed() {
        // PDFBox cannot open a file whose last table lists only the new object: refused as malformed
        assertThatThrownBy(() -> validate(PdfAttacks.sectionWithoutPrev(signed)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.error()).isEqualTo(ValidationError.MALFORMED_DOCUMENT));
    }

    @Test
    void contentAppendedOutsideAnyRevisionIsReported() {
        ValidationReport report = validate(PdfAttacks.looseObjectAppended(signed));

        assertThat(report.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(codes(report.findings())).contains(ReportAssembler.INCOMPLETE_REVISION);
    }

    @Test
    void universalSignatureForgeryOnContentsIsABrokenSignatureNotNoSignature() {
        for (byte[] forged : new byte[][] {PdfAttacks.contentsZeroed(signed), PdfAttacks.contentsRemoved(signed),
                PdfAttacks.contentsNull(signed), garbageContents(signed)}) {
            ValidationReport report = validate(forged);

            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
            assertThat(codes(report.findings())).containsExactly(PdfSignatureFields.SIGNATURE_BROKEN);
            assertThat(report.findings().get(0).en()).contains("\"Signature1\"", "universal signature forgery");
        }
        assertThat(validate(PdfAttacks.contentsNull(signed)).findings().get(0).en()).contains("/Contents is null");
        assertThat(validate(garbageContents(signed)).findings().get(0).en()).contains("not a CMS");
    }

    @Test
    void universalSignatureForgeryOnByteRangeIsReported() {
        int[] r = PdfAttacks.byteRange(signed);
        String[] ranges = {"0 0 0 0", r[0] + " " + r[1] + " " + (r[1] - 10) + " " + (r[3] + 10),
            r[0] + " " + r[1] + " " + r[2] + " " + (r[3] + 1), "5 " + (r[1] - 5) + " " + r[2] + " " + r[3]};
        for (String range : ranges) {
            ValidationReport report = validate(PdfAttacks.byteRange(signed, range));

            assertThat(report.verdict()).as(range + " " + report).isEqualTo(Verdict.INVALID);
            assertThat(codes(report.findings())).as(range).contains(PdfSignatureFields.BYTE_RANGE_INVALID);
        }
        ValidationReport missing = validate(PdfAttacks.byteRangeRemoved(signed));
        assertThat(missing.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codes(missing.findings())).containsExactly(PdfSignatureFields.BYTE_RANGE_INVALID);
    }

    @Test
    void genuineSignaturesAndLongTermDataRaiseNoStructuralFinding() {
        for (byte[] pdf : new byte[][] {signed, lta}) {
            ValidationReport report = validate(pdf);

            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
            assertThat(report.findings()).isEmpty();
            assertThat(PdfSignatureFields.check(pdf)).isEmpty();
            assertThat(PdfSections.check(pdf, PdfRevisions.of(pdf), 0).findings()).isEmpty();
        }
    }

    @Test
    void aThreePageLetterSignedByAPersonThenSealedAtLtaHasNoStructuralFinding() {
        byte[] person = ValidationFixture.sign(ValidationFixture.threePageLetter(), "tran-thi-bich-ngoc",
                SignatureLevel.B_T);
        byte[] sealed = ValidationFixture.sign(person, "ubnd-binh-an", SignatureLevel.B_LTA);

        assertThat(PdfSignatureFields.check(sealed)).isEmpty();
        assertThat(PdfSections.check(sealed, PdfRevisions.of(sealed), 0).findings()).isEmpty();
        ValidationReport report = validate(sealed);
        assertThat(codes(report.findings())).doesNotContainAnyElementsOf(PdfSections.TAMPERING)
                .doesNotContain(PdfSignatureFields.SIGNATURE_BROKEN, PdfSignatureFields.BYTE_RANGE_INVALID);
    }

    @Test
    void eachSectionsTableIsReadAsWritten() {
        // the signer writes cross-reference streams; every in-use entry of every section names its object
        PdfRevisions revisions = PdfRevisions.of(lta);
        long start = 0;
        int entries = 0;
        for (long end : revisions.eofEnds()) {
            String text = PdfAttacks.latin(java.util.Arrays.copyOfRange(lta, (int) start, (int) end));
            long startxref = Long.parseLong(text.replaceAll("(?s).*startxref\\s+(\\d+)\\s+%%EOF$", "$1"));
            PdfXref.Table table = PdfXref.read(lta, startxref);
            assertThat(table.readable()).isTrue();
            for (PdfXref.Entry e : table.entries()) {
                if (e.type() == 1) {
                    assertThat(PdfXref.objectNumberAt(lta, e.field())).isEqualTo(e.number());
                    entries++;
                }
            }
            start = end;
        }
        assertThat(entries).isGreaterThan(10);
        // and a classic table written by hand reads the same way
        byte[] classic = PdfAttacks.redefinedObject(signed);
        PdfXref.Table table = PdfXref.read(classic, PdfAttacks.lastStartxref(classic));
        assertThat(table.entries()).extracting(PdfXref.Entry::number)
                .containsExactly(PdfAttacks.pageContentObject(signed));
        assertThat(table.prev()).isEqualTo(PdfAttacks.lastStartxref(signed));
    }

    /** /Contents replaced by hex bytes of the same length that are not DER. */
    static byte[] garbageContents(byte[] pdf) {
        String s = PdfAttacks.latin(pdf);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Contents <([0-9A-Fa-f]+)>").matcher(s);
        m.find();
        String garbage = "DEADBEEF".repeat(m.group(1).length() / 8 + 1).substring(0, m.group(1).length());
        return PdfAttacks.bytes(s.substring(0, m.start(1)) + garbage + s.substring(m.end(1)));
    }

    private static ValidationReport validate(byte[] pdf) {
        return ValidationFixture.validate(pdf).report();
    }
}
