package vn.kyso.api.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.api.corpus.Expectation.Finding;
import vn.kyso.api.corpus.Expectation.Kind;
import vn.kyso.api.corpus.PdfTampering.XrefShadow;
import vn.kyso.api.corpus.ServiceClient.Part;

/**
 * The proof corpus of issue #10 through the running service: the Spring Boot application with the demo
 * PKI, called over HTTP as a user's client would. Every public file of the manifest and every attack
 * generated here from documents the demo's trusted keys signed is validated once, and a case fails on
 * a verdict outside its manifest line, on any VALID for a changed document, on an attack reported with
 * nothing but trust ("silent"), on a finding invented for a genuine file, and on any 5xx or time-out.
 * The results and counts go to {@code target/corpus/} (see docs/validation-corpus.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0",
        // One client sends the whole corpus; the public endpoint's per-client limit is not under test.
        "kyso.api.rate-limit.enabled=false"})
class CorpusEndToEndTest {

    /** The service abandons a validation after 30 s (kyso.validation.max-validation-time); allow transfer. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String KEY = "ubnd-binh-an";
    static final Set<String> NOT_VALID = Set.of("INVALID", "INDETERMINATE");
    static final CorpusReport REPORT = new CorpusReport();

    @LocalServerPort
    int port;

    @AfterAll
    static void writeReport() throws Exception {
        REPORT.write();
    }

    @TestFactory
    Stream<DynamicTest> publicCorpus() throws Exception {
        ServiceClient service = new ServiceClient(port, TIMEOUT);
        return CorpusManifest.read().stream().map(entry -> DynamicTest.dynamicTest(entry.expectation().name(), () -> {
            byte[] file = Files.readAllBytes(entry.file());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                    .as("SHA-256 of %s against the manifest", entry.file()).isEqualTo(entry.sha256());
            judge(entry.expectation(), service.validate(entry.file().getFileName().toString(), file, Map.of()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> generatedAttacks() throws Exception {
        ServiceClient service = new ServiceClient(port, TIMEOUT);
        // Kept next to the results so that a failure can be opened in a viewer or checked with other tools.
        Path kept = Files.createDirectories(CorpusReport.DIRECTORY.resolve("generated"));
        return generated(service).stream().map(c -> DynamicTest.dynamicTest(c.expectation().name(), () -> {
            Files.write(kept.resolve(c.expectation().name().substring("generated/".length())), c.file());
            judge(c.expectation(), service.validate(c.fileName(), c.file(), c.originals()));
        }));
    }

    private static void judge(Expectation e, Observation o) {
        List<String> failures = o.failures(e);
        REPORT.add(new CorpusReport.Result(e, o, failures));
        assertThat(failures).as("%s (%s, %s): answered %s %s with codes %s", e.name(), e.kind(), e.why(),
                o.status(), o.outcome(), o.codes()).isEmpty();
    }

    /** A case made in the test: what to upload and what the answer must be. */
    record Case(Expectation expectation, String fileName, byte[] file, Map<String, byte[]> originals) {
    }

    private static List<Case> generated(ServiceClient service) throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        byte[] pades = service.sign("/api/v1/signatures", List.of(Part.file("file", "cong-van.pdf", letter),
                Part.field("key", KEY), Part.field("level", "B-T")));
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CongVan><SoKyHieu>12/UBND-VP</SoKyHieu>"
                + "<TrichYeu>Về việc cấp kinh phí</TrichYeu><SoTien>10000000</SoTien></CongVan>\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] enveloped = service.sign("/api/v1/signatures", List.of(Part.file("file", "cong-van.xml", xml),
                Part.field("key", KEY), Part.field("level", "B-T"), Part.field("format", "XADES"),
                Part.field("packaging", "ENVELOPED")));
        byte[] enveloping = service.sign("/api/v1/signatures", List.of(Part.file("file", "cong-van.xml", xml),
                Part.field("key", KEY), Part.field("level", "B-T"), Part.field("format", "XADES"),
                Part.field("packaging", "ENVELOPING")));
        byte[] text = "Quyết định số 45/QĐ-UBND: cấp 10.000.000 đồng".getBytes(StandardCharsets.UTF_8);
        byte[] swapped = "Quyết định số 45/QĐ-UBND: cấp 90.000.000 đồng".getBytes(StandardCharsets.UTF_8);
        byte[] cades = service.sign("/api/v1/signatures", List.of(Part.file("file", "quyet-dinh.txt", text),
                Part.field("key", KEY), Part.field("level", "B-T"), Part.field("format", "CADES")));
        byte[] appendix = "Phụ lục: danh sách 12 hộ".getBytes(StandardCharsets.UTF_8);
        byte[] asicXades = container(service, "XADES", text, appendix);
        byte[] asicCades = container(service, "CADES", text, appendix);

        List<Case> cases = new ArrayList<>();
        cases.add(control("pades-b-t.pdf", pades, "PAdES B-T by the demo organisation, untouched"));
        cases.add(control("xades-enveloped-b-t.xml", enveloped, "XAdES enveloped B-T, untouched"));
        cases.add(control("xades-enveloping-b-t.xml", enveloping, "XAdES enveloping B-T, untouched"));
        cases.add(new Case(expect("control-cades-detached.p7s", Kind.GENUINE, Set.of("VALID"), Finding.NONE,
                "CAdES detached B-T with its own original"), "quyet-dinh.txt.p7s", cades,
                Map.of("quyet-dinh.txt", text)));
        cases.add(control("asice-xades-b-t.asice", asicXades, "ASiC-E with XAdES B-T over two files, untouched"));
        cases.add(control("asice-cades-b-t.asice", asicCades, "ASiC-E with CAdES B-T over two files, untouched"));

        cases.add(attack("pades-incremental-drawing.pdf", Kind.TAMPERED, PdfTampering.incrementalUpdateDrawingOnPage(pades),
                "Incremental saving attack: a later revision draws a red box on the signed page"));
        cases.add(attack("pades-evil-annotation.pdf", Kind.ATTACK, PdfTampering.evilAnnotation(pades),
                "Evil annotation: a later free-text annotation draws a white box over the signed text"));
        cases.add(attack("pades-sneaky-signature-field.pdf", Kind.ATTACK, PdfTampering.sneakySignatureField(pades),
                "Sneaky signature: a later empty signature field whose appearance covers the signed text"));
        cases.add(attack("pades-shadow-xref-hide.pdf", Kind.ATTACK, PdfTampering.xrefShadow(pades,
                XrefShadow.REDEFINE), "Shadow hide through the xref: an appended section redefines the signed "
                + "content stream"));
        cases.add(attack("pades-shadow-xref-two-entries.pdf", Kind.ATTACK, PdfTampering.xrefShadow(pades,
                XrefShadow.REDEFINE_AND_ALIAS), "Shadow through the xref: the redefined content stream also "
                + "reachable under a fresh number"));
        cases.add(attack("pades-shadow-xref-reused-number.pdf", Kind.ATTACK, PdfTampering.xrefShadow(pades,
                XrefShadow.FRESH_WITH_REUSED_NUMBER), "Shadow through the xref: one new object, two entries, the "
                + "signed content stream's number reused for it (issue #10 item 6)"));
        cases.add(attack("pades-trailing-object-no-xref.pdf", Kind.ATTACK, PdfTampering.trailingObjectWithoutXref(pades),
                "Incremental saving attack without a cross-reference section: unsigned bytes after %%EOF"));
        cases.add(attack("pades-usf-contents-zeroed.pdf", Kind.ATTACK, PdfTampering.contentsZeroed(pades),
                "Universal signature forgery: /Contents all zeros"));
        cases.add(attack("pades-usf-contents-empty.pdf", Kind.ATTACK, PdfTampering.contentsEmptied(pades),
                "Universal signature forgery: /Contents emptied to <>"));
        cases.add(attack("pades-usf-byterange-shortened.pdf", Kind.ATTACK, PdfTampering.byteRangeShortened(pades),
                "Universal signature forgery: /ByteRange rewritten to leave the end of the file out"));
        cases.add(attack("asice-xades-extra-file.asice", Kind.ATTACK, PackageTampering.withExtraEntry(asicXades,
                "thanh-toan.txt", swapped), "ASiC-E with an extra file no signature covers (issue #10 item 6)"));
        cases.add(attack("asice-xades-replaced-file.asice", Kind.TAMPERED, PackageTampering.withReplacedEntry(
                asicXades, "quyet-dinh.txt", swapped), "ASiC-E with a signed file's content replaced"));
        cases.add(new Case(expect("asice-xades-duplicate-entry.asice", Kind.ATTACK,
                Set.of("INVALID", "INDETERMINATE", "REJECTED"), Finding.NAMED,
                "Two ZIP entries named like the signed file, only one of them signed"), "duplicate.asice",
                PackageTampering.withDuplicateEntry(asicXades, "quyet-dinh.txt", swapped), Map.of()));
        cases.add(new Case(expect("asice-xades-local-header-mismatch.asice", Kind.ATTACK,
                Set.of("INVALID", "INDETERMINATE", "REJECTED"), Finding.NAMED,
                "Local header names a signed file, the central directory another name"), "mismatch.asice",
                PackageTampering.withLocalHeaderMismatch(asicXades, "quyet-dinh.txt", swapped), Map.of()));
        cases.add(attack("asice-cades-extra-file.asice", Kind.ATTACK, PackageTampering.withExtraEntry(asicCades,
                "thanh-toan.txt", swapped), "ASiC-E (CAdES) with an extra file no signature covers"));
        cases.add(attack("asice-cades-replaced-file.asice", Kind.TAMPERED, PackageTampering.withReplacedEntry(
                asicCades, "quyet-dinh.txt", swapped), "ASiC-E (CAdES) with a signed file's content replaced"));
        cases.add(attack("xades-enveloping-wrapped-object.xml", Kind.ATTACK, PackageTampering.xmlWrappedObject(
                enveloping, "<CongVan><SoTien>90000000</SoTien></CongVan>"),
                "XML signature wrapping: an unsigned ds:Object placed before the signed one"));
        cases.add(attack("xades-enveloped-content-inserted.xml", Kind.TAMPERED, PackageTampering.xmlInsertedIntoRoot(
                enveloped, "<GhiChu>Đã thanh toán</GhiChu>"), "Element added to the signed XML document"));
        cases.add(new Case(expect("cades-detached-content-swapped.p7s", Kind.TAMPERED, NOT_VALID, Finding.NAMED,
                "CAdES detached signature presented with another original of the same length"),
                "quyet-dinh.txt.p7s", cades, Map.of("quyet-dinh.txt", swapped)));
        return cases;
    }

    private static byte[] container(ServiceClient service, String format, byte[] a, byte[] b) throws Exception {
        return service.sign("/api/v1/signatures/containers", List.of(Part.file("files", "quyet-dinh.txt", a),
                Part.file("files", "phu-luc.txt", b), Part.field("key", KEY), Part.field("level", "B-T"),
                Part.field("format", format)));
    }

    private static Case control(String name, byte[] file, String why) {
        return new Case(expect("control-" + name, Kind.GENUINE, Set.of("VALID"), Finding.NONE, why
                + ": must be VALID, or the attacks made from it prove nothing"), name, file, Map.of());
    }

    private static Case attack(String name, Kind kind, byte[] file, String why) {
        return new Case(expect(name, kind, NOT_VALID, Finding.NAMED, why), name, file, Map.of());
    }

    private static Expectation expect(String name, Kind kind, Set<String> allowed, Finding finding, String why) {
        return new Expectation("generated/" + name, kind, allowed, finding, "generated", why);
    }
}
