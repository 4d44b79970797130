package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.Verdict;

/**
 * A generated corpus of broken and hostile files: truncations and bit flips of every signed format,
 * zip bombs, nested archives, entity bombs, external entities, deep nesting, foreign and random bytes.
 * Each must end, within a few seconds, in a ValidationException with a meaningful code or in a report;
 * damaged signed data must never come out VALID (except bit flips that land outside the signed bytes).
 */
class RobustnessTest {

    static final Duration PER_ITEM = Duration.ofSeconds(8);
    static final Duration WHOLE_CORPUS = Duration.ofMinutes(4);

    record Item(String name, byte[] content, boolean mustNotBeValid, List<ValidationError> expectedErrors) {
    }

    static DssValidationService service;
    static final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    static long started;

    @BeforeAll
    static void start() {
        ValidationSettings s = ValidationFixture.settings();
        service = new DssValidationService(new ValidationSettings(s.trustStores(), false, null, null, 0,
                Duration.ofSeconds(6), 2, s.fetch()), Clock.systemUTC());
        started = System.nanoTime();
    }

    @AfterAll
    static void stop() {
        service.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WHOLE_CORPUS);
        ValidationFixture.artifact("robustness-outcomes.csv",
                String.join("\n", outcomes).getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> malformedCorpus() {
        List<Item> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        return corpus.stream().map(item -> DynamicTest.dynamicTest(item.name(),
                () -> assertTimeoutPreemptively(PER_ITEM, () -> check(item))));
    }

    private static void check(Item item) {
        long t = System.nanoTime();
        String outcome;
        try {
            Verdict verdict = service.validate(ValidationRequest.of(new SignedFile(item.name(), item.content())))
                    .report().verdict();
            outcome = verdict.name();
            if (item.mustNotBeValid()) {
                assertThat(verdict).as(item.name()).isNotEqualTo(Verdict.VALID);
            }
            assertThat(item.expectedErrors()).as(item.name() + " should have been refused").isEmpty();
        } catch (ValidationException e) {
            outcome = e.error().name();
            assertThat(e.error()).as(item.name() + ": " + e.getMessage()).isNotEqualTo(ValidationError.VALIDATION_FAILED);
            if (!item.expectedErrors().isEmpty()) {
                assertThat(e.error()).as(item.name()).isIn(item.expectedErrors());
            }
        }
        outcomes.add(item.name() + "," + outcome + "," + (System.nanoTime() - t) / 1_000_000 + "ms");
    }

    static List<Item> corpus() {
        List<Item> items = new ArrayList<>();
        byte[] letter = ValidationFixture.oneLetter();
        List<SignedFile> bases = List.of(
                new SignedFile("pades-lt.pdf", ValidationFixture.sign(letter, "ubnd-binh-an", SignatureLevel.B_LT)),
                new SignedFile("pades-lta.pdf", ValidationFixture.sign(ValidationFixture.sign(letter,
                        "tran-thi-bich-ngoc", SignatureLevel.B_T), "ubnd-binh-an", SignatureLevel.B_LTA)),
                new SignedFile("xades-t.xml", signed(new Document("to-trinh.xml", FormatsValidationTest.XML.content()),
                        SignatureLevel.B_T, null, null)),
                new SignedFile("jades-b.json", signed(FormatsValidationTest.JSON, SignatureLevel.B_B, null, null)),
                new SignedFile("cades-b.p7m", signed(new Document("bang-ke.bin", new byte[] {9, 8, 7, 6, 5}),
                        SignatureLevel.B_B, SignatureFormat.CADES, Packaging.ENVELOPING)),
                new SignedFile("asice-xades.asice", ValidationFixture.signer().signContainer(new ContainerRequest(
                        List.of(FormatsValidationTest.LETTER, FormatsValidationTest.XML), "so-noi-vu-binh-an",
                        SignatureFormat.XADES, SignatureLevel.B_B, null)).content()));
        double[] cuts = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999};
        for (SignedFile base : bases) {
            for (double cut : cuts) {
                items.add(new Item(base.name() + " truncated at " + cut, HostileInputs.truncate(base.content(), cut),
                        true, List.of()));
            }
            Random random = new Random(base.name().hashCode());
            for (int i = 0; i < 20; i++) {
                items.add(new Item(base.name() + " bit flip " + i, HostileInputs.flipBit(base.content(), random),
                        false, List.of()));
            }
        }
        List<ValidationError> tooComplex = List.of(ValidationError.DOCUMENT_TOO_COMPLEX);
        List<ValidationError> malformed = List.of(ValidationError.MALFORMED_DOCUMENT);
        items.add(new Item("zip bomb 100 MB", HostileInputs.zipBomb(100L * 1024 * 1024), true, tooComplex));
        items.add(new Item("zip bomb 1 GB", HostileInputs.zipBomb(1024L * 1024 * 1024), true, tooComplex));
        items.add(new Item("zip with 5000 entries", HostileInputs.manyEntries(5000), true, tooComplex));
        items.add(new Item("zip nested 3", HostileInputs.nestedZips(3), true, tooComplex));
        items.add(new Item("zip nested 10", HostileInputs.nestedZips(10), true, tooComplex));
        items.add(new Item("asic inside a zip bomb container", nestInZip(bases.get(5).content()), true, List.of()));
        items.add(new Item("billion laughs", HostileInputs.billionLaughs(), true, malformed));
        items.add(new Item("xxe /etc/passwd", HostileInputs.externalEntity("file:///etc/passwd"), true, malformed));
        items.add(new Item("xxe http", HostileInputs.externalEntity("http://127.0.0.1:9/x"), true, malformed));
        items.add(new Item("xxe parameter entity", HostileInputs.parameterEntity("file:///etc/passwd"), true, malformed));
        items.add(new Item("deep xml", HostileInputs.deepXml(50_000), true, tooComplex));
        items.add(new Item("deep json", HostileInputs.deepJson(500_000), true, tooComplex));
        items.add(new Item("deep der", HostileInputs.deepDer(100_000), true, tooComplex));
        items.add(new Item("empty", new byte[0], true, List.of(ValidationError.EMPTY_DOCUMENT)));
        items.add(new Item("png", HostileInputs.PNG, true, List.of(ValidationError.UNSUPPORTED_DOCUMENT)));
        for (int i = 0; i < 5; i++) {
            items.add(new Item("random " + i, HostileInputs.randomBytes(i, 1 << (8 + 2 * i)), true,
                    List.of(ValidationError.UNSUPPORTED_DOCUMENT)));
        }
        items.add(new Item("pdf with 50000 objects", HostileInputs.manyObjects(50_000), true, List.of()));
        items.add(new Item("pdf broken xref (signed)", HostileInputs.brokenXref(bases.get(0).content()), true,
                List.of()));
        items.add(new Item("pdf broken xref (unsigned)", HostileInputs.brokenXref(letter), true, List.of()));
        items.add(new Item("pdf header then garbage", HostileInputs.text("%PDF-1.7\n" + "x".repeat(5000)), true,
                List.of()));
        items.add(new Item("xml garbage", HostileInputs.text("<a><b></a>"), true, malformed));
        items.add(new Item("jws compact garbage", HostileInputs.text("eyJhbGciOiJub25lIn0.e30.AAAA"), true, List.of()));
        return items;
    }

    private static byte[] signed(Document doc, SignatureLevel level, SignatureFormat format, Packaging packaging) {
        return ValidationFixture.signer().sign(new SignRequest(doc, "ubnd-binh-an",
                new SignOptions(format, level, packaging, null, null, null, null, null, null))).content();
    }

    /** A real container stored inside a ZIP next to a bomb: the guard must look inside. */
    private static byte[] nestInZip(byte[] container) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("inner.asice"));
            zip.write(container);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 1024; i++) {
                zip.write(block);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
