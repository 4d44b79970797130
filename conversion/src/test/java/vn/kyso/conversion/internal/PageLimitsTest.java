package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.SourceFormat;
import vn.kyso.core.testing.Eventually;

/**
 * Issue #13: a 100,000-page PDF must not hold a conversion worker past its timeout. It is refused with
 * DOCUMENT_TOO_COMPLEX (English and Vietnamese) by every operation that takes a PDF, well within the
 * task timeout, and the service converts the next document as usual.
 */
class PageLimitsTest {

    /** The configured task timeout: refusing must not take longer than one task may. */
    private static final Duration BOUND = ConversionSettings.defaults().taskTimeout();

    @Test
    void aHundredThousandPagePdfIsRefusedEverywhereAndTheWorkersAreFreeAfterwards() {
        byte[] huge = pdfWithPages(100_000);
        LibreOfficeConversionService service = Samples.service();

        assertTooComplex(() -> service.toPdfA(ConversionRequest.of(huge)), "100000 trang");
        assertTooComplex(() -> service.checkPdfA(huge), "100000 trang");
        assertTooComplex(() -> service.extract(huge), "100000 trang");

        assertTimeoutPreemptively(BOUND, () -> {
            int busy = Eventually.until(BOUND, service::busyWorkers, n -> n == 0);
            assertThat(busy).as("no worker still busy with the refused PDF").isZero();
            ConversionResult next = service.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.DOCX)));
            assertThat(next.conformance().compliant()).isTrue();
        });
    }

    @Test
    void thePageLimitIsASetting() throws Exception {
        byte[] three = pdfWithPages(3);
        try (PDDocument doc = Loader.loadPDF(three)) {
            assertThat(doc.getNumberOfPages()).as("the hand-made PDF is well formed").isEqualTo(3);
        }
        // Refused before LibreOffice would start: this service's pool is never used.
        try (LibreOfficeConversionService strict = new LibreOfficeConversionService(
                ConversionSettings.defaults().withMaxPages(2))) {
            assertTooComplex(() -> strict.checkPdfA(three), "3 trang");
            assertThat(strict.pool().running()).isFalse();
        }
        try (LibreOfficeConversionService enough = new LibreOfficeConversionService(
                ConversionSettings.defaults().withMaxPages(3))) {
            assertThat(enough.extract(three).pageCount()).hasValue(3);
        }
    }

    private static void assertTooComplex(Executable call, String vietnamese) {
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConversionError.DOCUMENT_TOO_COMPLEX);
                    assertThat(e.getMessage()).contains("pages");
                    assertThat(e.details().get("detailVi")).asString().contains(vietnamese);
                }));
    }

    /**
     * A PDF of {@code pages} empty A4 pages sharing one empty content stream, written directly (a few
     * MB for 100,000 pages, in well under a second), with a correct cross-reference table.
     */
    static byte[] pdfWithPages(int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(out.size());
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(4 + i).append(" 0 R ");
        }
        write(out, "2 0 obj\n<< /Type /Pages /Count " + pages + " /Kids [" + kids + "] >>\nendobj\n");
        offsets.add(out.size());
        write(out, "3 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n");
        for (int i = 0; i < pages; i++) {
            offsets.add(out.size());
            write(out, (4 + i) + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                    + "/Resources << >> >>\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
