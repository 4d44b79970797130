package vn.kyso.api.conversion;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.DetectedType;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.PdfAConformance;
import vn.kyso.conversion.RuleFailure;
import vn.kyso.conversion.SourceFormat;

/**
 * A hand-written ConversionService for the controller slice: records each request and answers a canned PDF
 * (compliant unless told otherwise), or throws what a test told it to. Call {@link #reset()} before each test.
 */
class FakeConversionService implements ConversionService {

    static final byte[] PDF = "%PDF-1.7 pdf/a".getBytes(StandardCharsets.US_ASCII);
    static final String TEXT = "Cộng hòa xã hội chủ nghĩa Việt Nam";

    ConversionRequest lastRequest;
    private RuntimeException failure;
    private boolean compliant;

    FakeConversionService() {
        reset();
    }

    void reset() {
        lastRequest = null;
        failure = null;
        compliant = true;
    }

    void failWith(RuntimeException e) {
        failure = e;
    }

    void answerNonCompliant() {
        compliant = false;
    }

    @Override
    public DetectedType detect(byte[] content) {
        return new DetectedType(SourceFormat.DOCX.mediaTypes().get(0), SourceFormat.DOCX);
    }

    @Override
    public Extraction extract(byte[] content) {
        return new Extraction("application/pdf", TEXT, false, Optional.of("vi"), Map.of(), OptionalInt.of(1), false);
    }

    @Override
    public ConversionResult toPdfA(ConversionRequest request) {
        if (failure != null) {
            throw failure;
        }
        lastRequest = request;
        PdfAConformance conformance = compliant
                ? new PdfAConformance(request.profile(), true, List.of())
                : new PdfAConformance(request.profile(), false, List.of(
                        new RuleFailure("6.2.11.4.1-1", "The font programs for all fonts shall be embedded", 3)));
        return new ConversionResult(PDF, detect(request.content()), conformance, 1, false, false);
    }

    @Override
    public PdfAConformance checkPdfA(byte[] pdf) {
        return new PdfAConformance(vn.kyso.conversion.PdfAProfile.PDF_A_2B, true, List.of());
    }
}
