package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.kyso.dss.PolicedDataLoader;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;

/** The cheap structural checks on their own: type sniffing, DER walking, PDF tails, ZIP directories. */
class StructureChecksTest {

    static final InputLimits LIMITS = InputLimits.defaults(50L * 1024 * 1024);

    @Test
    void typesComeFromTheContent() {
        assertThat(ContentKind.sniff(ValidationFixture.oneLetter())).contains(ContentKind.PDF);
        assertThat(ContentKind.sniff(bytes("\uFEFF  <?xml version=\"1.0\"?><a/>"))).contains(ContentKind.XML);
        assertThat(ContentKind.sniff(bytes("\n{\"a\":1}"))).contains(ContentKind.JSON);
        assertThat(ContentKind.sniff(bytes("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln"))).contains(ContentKind.JWS_COMPACT);
        assertThat(ContentKind.sniff(bytes("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ"))).isEmpty();
        assertThat(ContentKind.sniff(new byte[] {'P', 'K', 3, 4, 0})).contains(ContentKind.ZIP);
        assertThat(ContentKind.sniff(HostileInputs.PNG)).isEmpty();
        assertThat(ContentKind.sniff(new byte[0])).isEmpty();
    }

    @Test
    void realCmsSignaturesPassTheDerWalk() {
        byte[] p7s = ValidationFixture.signer().sign(new SignRequest(new Document("a.bin", new byte[] {1, 2, 3}),
                "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_LT))).content();
        assertThat(ContentKind.sniff(p7s)).contains(ContentKind.CMS);
        assertThatCode(() -> DerGuard.check(p7s, LIMITS)).doesNotThrowAnyException();
        byte[] cut = java.util.Arrays.copyOf(p7s, p7s.length / 2);
        assertThatThrownBy(() -> DerGuard.check(cut, LIMITS)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.error()).isEqualTo(ValidationError.MALFORMED_DOCUMENT));
    }

    @Test
    void aPdfTailMustBeACompleteRevision() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT);
        assertThat(PdfRevisions.of(signed).tailIntact(signed)).isTrue();
        byte[] cut = HostileInputs.truncate(signed, 0.999);
        assertThat(PdfRevisions.of(cut).tailIntact(cut)).isFalse();
        byte[] patched = HostileInputs.brokenXref(signed);
        assertThat(PdfRevisions.of(patched).tailIntact(patched)).isFalse();
        byte[] appended = concat(signed, bytes("\n1 0 obj\n<< >>\nendobj\n"));
        assertThat(PdfRevisions.of(appended).tailIntact(appended)).isFalse();
        assertThat(PdfRevisions.of(signed).count()).isEqualTo(3);
    }

    @Test
    void aZipWhoseDirectoryDisagreesWithItsEntriesIsReportedAndOneWithoutADirectoryIsRefused() throws Exception {
        byte[] zip = zip("a.txt", "b.txt");
        ZipGuard.check(zip, LIMITS);
        // rename the entry in the central directory only: local-header readers see b.txt, others c.txt
        String s = new String(zip, StandardCharsets.ISO_8859_1);
        int central = s.indexOf("PK\u0001\u0002");
        int name = s.indexOf("b.txt", central);
        byte[] confused = zip.clone();
        confused[name] = 'c';
        // readable, so the signatures are judged and the report names the disagreement
        ZipGuard.check(confused, LIMITS);
        assertThat(ContainerFindings.of(confused, new eu.europa.esig.dss.diagnostic.DiagnosticData(
                new eu.europa.esig.dss.diagnostic.jaxb.XmlDiagnosticData()))).anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo("CONTAINER_HEADER_MISMATCH");
                    assertThat(f.en()).contains("c.txt");
                });
        byte[] noDirectory = java.util.Arrays.copyOf(zip, central);
        assertThatThrownBy(() -> ZipGuard.check(noDirectory, LIMITS)).isInstanceOf(ValidationException.class);
    }

    @Test
    void revocationAndIssuerUrlsFromDocumentsAreFetchedOverHttpOnly() {
        PolicedDataLoader loader = new PolicedDataLoader(vn.kyso.core.net.OutboundPolicy.of(java.util.List.of(),
                ValidationFixture.settings().fetch()), null);
        for (String url : new String[] {"file:///etc/passwd", "ldap://127.0.0.1:1/cn=x", "ftp://127.0.0.1:1/x.crl"}) {
            assertThatThrownBy(() -> loader.get(url)).satisfies(e ->
                    assertThat(String.valueOf(e.getMessage())).doesNotContain("root:"));
        }
        byte[] crl = loader.get(ValidationFixture.pki().baseUri() + "/crl/public-ca.crl");
        assertThat(crl).isNotNull();
    }

    @Test
    void objectsInObjectStreamsAreCounted() {
        byte[] pdf = bytes("%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1234 /First 10 >>\nstream\nendstream\nendobj\n");
        assertThat(PdfGuard.countObjects(pdf)).isEqualTo(1 + 1234);
    }

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String n : names) {
                zip.putNextEntry(new ZipEntry(n));
                zip.write(bytes(n));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
