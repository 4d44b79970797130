package vn.kyso.archive.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ConfidenceLevel;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/** Distinct sample letters (the archive refuses the same bytes twice) and their metadata. */
public final class Letters {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Letters() {
    }

    /** The one-page sample letter made unique by its document information, unsigned. */
    public static byte[] unsigned(String subject) {
        try (PDDocument pdf = Loader.loadPDF(ValidationFixture.oneLetter())) {
            pdf.getDocumentInformation().setSubject(subject);
            pdf.getDocumentInformation().setKeywords("serial-" + SERIAL.incrementAndGet() + "-" + System.nanoTime());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unique letter signed by the People's Committee's key at {@code level}. */
    public static byte[] signed(SignatureLevel level) {
        return ValidationFixture.sign(unsigned("Công văn"), "ubnd-binh-an", level);
    }

    public static RecordMetadata metadata(String numberSymbol, String subject) {
        return metadata(numberSymbol, subject, LocalDate.of(2026, 11, 20), PreservationPeriod.ofYears(10), null);
    }

    public static RecordMetadata metadata(String numberSymbol, String subject, LocalDate date,
            PreservationPeriod period, String documentId) {
        return new RecordMetadata("G09", "G09.2026.01", numberSymbol, date, "Công văn",
                "Ủy ban nhân dân tỉnh Bình An", subject, null, "vi", null, List.of("đất đai", "cấp phép"),
                AccessRegime.PUBLIC, ConfidenceLevel.ELECTRONIC_ORIGINAL, period, documentId);
    }
}
