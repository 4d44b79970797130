package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.internal.SigningServiceTest.BINARY;
import static vn.kyso.signing.internal.SigningServiceTest.XML;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;

/**
 * Every XAdES packaging we make (enveloped, enveloping, detached, and inside ASiC-E) at every level, for
 * a key of each family, checked by two XML-signature stacks that share no code with DSS: xmlsec1
 * (libxml2/OpenSSL, with only the demo roots trusted) and npm xml-crypto (with the signer's certificate
 * pinned). Both tools come from scripts/deps.sh; a missing one fails the test.
 */
class XadesInteropTest {

    /** The xmlsec1 identifiers of the elements XAdES references by Id. */
    private static final List<String> ID_ATTRIBUTES = List.of(
            "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
            "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object");

    enum Kind { ENVELOPED, ENVELOPING, DETACHED, ASIC_E }

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    static Stream<Arguments> packagingsLevelsAndKeys() {
        List<Arguments> all = new ArrayList<>();
        for (String key : List.of("ubnd-binh-an", "cong-ty-sao-mai")) {
            for (SignatureLevel level : SignatureLevel.values()) {
                for (Kind kind : Kind.values()) {
                    all.add(Arguments.of(kind, level, key));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("packagingsLevelsAndKeys")
    void xmlsec1AndXmlCryptoBothVerify(Kind kind, SignatureLevel level, String key, @TempDir Path dir)
            throws Exception {
        Signed signed = sign(kind, level, key, dir);
        KeyFamily family = service.keyRegistry().find(key).family();

        NodeChecker.Result xmlsec = xmlsec1(dir, signed, family);
        assertThat(xmlsec.exit()).as(xmlsec.output()).isZero();
        assertThat(xmlsec.output()).contains("OK");

        NodeChecker.Result xmlCrypto = xmlCrypto(dir, signed, key);
        assertThat(xmlCrypto.exit()).as(xmlCrypto.output()).isZero();
        assertThat(xmlCrypto.output()).contains("\"valid\":true").doesNotContain("\"valid\":false");
        // No transform that common stacks lack: XPath Filter 2.0, XPath, XSLT, base64.
        String xml = Files.readString(signed.signature(), StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("xmldsig-filter2", "REC-xpath", "REC-xslt", "xmldsig#base64");
        if (kind == Kind.ENVELOPED) {
            assertThat(xml).contains("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        }
    }

    @Test
    void anEcdsaSignatureVerifiesToo(@TempDir Path dir) throws Exception {
        Signed signed = sign(Kind.ENVELOPED, SignatureLevel.B_T, "le-minh-khoa", dir);
        assertThat(xmlsec1(dir, signed, KeyFamily.SPECIALISED).exit()).isZero();
        NodeChecker.Result xmlCrypto = xmlCrypto(dir, signed, "le-minh-khoa");
        assertThat(xmlCrypto.exit()).as(xmlCrypto.output()).isZero();
    }

    @Test
    void bothStacksRefuseAChangedDocumentAndAChangedDetachedFile(@TempDir Path dir) throws Exception {
        Signed enveloped = sign(Kind.ENVELOPED, SignatureLevel.B_B, "ubnd-binh-an", dir);
        String xml = Files.readString(enveloped.signature(), StandardCharsets.UTF_8);
        Files.writeString(enveloped.signature(), xml.replace("cấp phép", "thu hồi"), StandardCharsets.UTF_8);
        assertThat(xmlsec1(dir, enveloped, KeyFamily.SPECIALISED).exit()).isNotZero();
        assertThat(xmlCrypto(dir, enveloped, "ubnd-binh-an").output()).contains("\"valid\":false");

        Signed detached = sign(Kind.DETACHED, SignatureLevel.B_B, "ubnd-binh-an", dir);
        Files.write(detached.files().get(0), "changed".getBytes(StandardCharsets.UTF_8));
        assertThat(xmlsec1(dir, detached, KeyFamily.SPECIALISED).exit()).isNotZero();
        assertThat(xmlCrypto(dir, detached, "ubnd-binh-an").exit()).isNotZero();

        // and the wrong family's roots do not make the signer trusted in xmlsec1
        Signed other = sign(Kind.ENVELOPED, SignatureLevel.B_B, "ubnd-binh-an", dir);
        assertThat(xmlsec1(dir, other, KeyFamily.PUBLIC).exit()).isNotZero();
    }

    @Test
    void aSecondEnvelopedSignatureIsRefusedRatherThanBreakingTheFirst() {
        SignedDocument first = service.sign(new SignRequest(XML, "ubnd-binh-an", new SignOptions(
                SignatureFormat.XADES, SignatureLevel.B_B, Packaging.ENVELOPED, null, null, null, null, null, null)));
        Document signedOnce = new Document(XML.name(), first.content());

        assertThatThrownBy(() -> service.sign(new SignRequest(signedOnce, "cong-ty-sao-mai", new SignOptions(
                SignatureFormat.XADES, SignatureLevel.B_B, Packaging.ENVELOPED, null, null, null, null, null, null))))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.XML_SIGNATURE_WOULD_BREAK);
                    assertThat(e.getMessage()).contains("DETACHED");
                    assertThat(e.messageVi()).contains("tách rời");
                });
        // a detached signature over the signed file leaves the first one intact
        SignedDocument second = service.sign(new SignRequest(signedOnce, "cong-ty-sao-mai", new SignOptions(
                SignatureFormat.XADES, SignatureLevel.B_B, Packaging.DETACHED, null, null, null, null, null, null)));
        assertThat(vn.kyso.signing.DssVerdicts.validate(pki, second.content(), signedOnce))
                .extracting(vn.kyso.signing.DssVerdicts.Verdict::indication)
                .containsExactly(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
    }

    /** The signature file and the detached files it references, by their reference URI. */
    record Signed(Path signature, List<String> uris, List<Path> files) {
    }

    private Signed sign(Kind kind, SignatureLevel level, String key, Path dir) throws IOException {
        Path out = Files.createTempDirectory(dir, kind.name());
        if (kind == Kind.ASIC_E) {
            SignedDocument container = service.signContainer(new ContainerRequest(List.of(XML, BINARY), key,
                    SignatureFormat.XADES, level, null));
            return unzip(container.content(), out);
        }
        Packaging packaging = Packaging.valueOf(kind.name());
        Document doc = kind == Kind.DETACHED ? BINARY : XML;
        SignedDocument signed = service.sign(new SignRequest(doc, key,
                new SignOptions(SignatureFormat.XADES, level, packaging, null, null, null, null, null, null)));
        Path signature = Files.write(out.resolve("signature.xml"), signed.content());
        if (kind != Kind.DETACHED) {
            return new Signed(signature, List.of(), List.of());
        }
        Path original = Files.write(out.resolve("original.bin"), doc.content());
        return new Signed(signature, List.of(doc.name()), List.of(original));
    }

    private static Signed unzip(byte[] container, Path out) throws IOException {
        Path signature = null;
        List<String> uris = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(container))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith("META-INF/signatures")) {
                    signature = Files.write(out.resolve("signatures.xml"), zip.readAllBytes());
                } else if (!name.startsWith("META-INF/") && !name.equals("mimetype")) {
                    uris.add(name);
                    files.add(Files.write(out.resolve("file" + files.size()), zip.readAllBytes()));
                }
            }
        }
        assertThat(signature).as("the container's XAdES signature").isNotNull();
        assertThat(uris).containsExactlyInAnyOrder(XML.name(), BINARY.name());
        return new Signed(signature, uris, files);
    }

    private NodeChecker.Result xmlsec1(Path dir, Signed signed, KeyFamily trusted)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem",
                pki.trustAnchorsPem(trusted).toString()));
        command.addAll(ID_ATTRIBUTES);
        for (int i = 0; i < signed.uris().size(); i++) {
            command.add("--url-map:" + signed.uris().get(i));
            command.add(signed.files().get(i).toString());
        }
        command.add(signed.signature().toString());
        return NodeChecker.exec(dir, List.of(), command);
    }

    private NodeChecker.Result xmlCrypto(Path dir, Signed signed, String key)
            throws IOException, InterruptedException {
        Path pem = Files.writeString(Files.createTempFile(dir, key, ".pem"), pem(key), StandardCharsets.US_ASCII);
        List<String> args = new ArrayList<>(List.of(signed.signature().toString(), pem.toString()));
        for (int i = 0; i < signed.uris().size(); i++) {
            args.add(signed.uris().get(i) + "=" + signed.files().get(i));
        }
        return NodeChecker.run("xmldsig-verify.js", dir, args.toArray(String[]::new));
    }

    String pem(String key) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(service.keyRegistry().find(key).certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
