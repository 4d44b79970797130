package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Enveloping XML signatures carry what they sign and are never asked for an original; a detached JAdES
 * (sigD, ObjectIdByURIHash) validates with its original and is asked for it without.
 */
class XmlJoseValidationTest {

    static final vn.kyso.signing.Document XML = FormatsValidationTest.XML;
    static final vn.kyso.signing.Document JSON = FormatsValidationTest.JSON;

    @ParameterizedTest
    @EnumSource(value = Packaging.class, names = {"ENVELOPED", "ENVELOPING"})
    void ourXadesInsideTheDocumentIsValidWithoutAnOriginal(Packaging packaging) {
        SignedDocument signed = ValidationFixture.signer().sign(new SignRequest(XML, "ubnd-binh-an",
                new SignOptions(SignatureFormat.XADES, SignatureLevel.B_T, packaging, null, null, null, null, null,
                        null)));
        ValidationReport report = ValidationFixture.validate(new SignedFile(signed.name(), signed.content())).report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        // enveloping: the ds:Object holds the whole document that was signed
        assertThat(report.signatures().get(0).coverage().code()).isEqualTo(Coverage.WHOLE_DOCUMENT);
    }

    /**
     * Signature wrapping on an enveloping XAdES: the signed ds:Object stays where its reference finds it,
     * so DSS verifies it, while another object or element with other content is what a reader sees.
     */
    @Test
    void wrappedContentAroundAnEnvelopingXadesIsTampering() {
        SignedDocument signed = ValidationFixture.signer().sign(new SignRequest(XML, "ubnd-binh-an",
                new SignOptions(SignatureFormat.XADES, SignatureLevel.B_T, Packaging.ENVELOPING, null, null, null,
                        null, null, null)));
        ValidationReport untouched = ValidationFixture.validate(new SignedFile(signed.name(), signed.content()))
                .report();
        assertThat(untouched.verdict()).as(untouched.toString()).isEqualTo(Verdict.VALID);
        assertThat(untouched.findings()).extracting(f -> f.code()).doesNotContain(XmlWrapping.XML_SIGNATURE_WRAPPING,
                XmlWrapping.XML_UNSIGNED_CONTENT);

        String xml = new String(signed.content(), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        java.util.regex.Matcher object = java.util.regex.Pattern.compile("<(\\w+:)?Object[^>]*Id=\"([^\"]+)\"[^>]*>")
                .matcher(xml);
        assertThat(object.find()).as(xml).isTrue();
        String ds = object.group(1) == null ? "" : object.group(1);
        String forged = "<ToTrinh><TrichYeu>Về việc chi 90.000.000 đồng</TrichYeu></ToTrinh>";
        String ns = (ds.isEmpty() ? " xmlns" : " xmlns:" + ds.substring(0, ds.length() - 1))
                + "=\"http://www.w3.org/2000/09/xmldsig#\"";

        // an unsigned ds:Object before the signed one
        String unsignedObject = xml.substring(0, object.start()) + "<" + ds + "Object>" + forged + "</" + ds
                + "Object>" + xml.substring(object.start());
        assertTampered(unsignedObject, XmlWrapping.XML_UNSIGNED_CONTENT);

        // a second element with the signed object's Id, outside the signature, shown first
        String duplicateId = "<HoSo><" + ds + "Object" + ns + " Id=\"" + object.group(2)
                + "\">" + forged + "</" + ds + "Object>" + xml + "</HoSo>";
        assertTampered(duplicateId, XmlWrapping.XML_SIGNATURE_WRAPPING);

        // content next to the signature in a new root
        assertTampered("<HoSo>" + forged + xml + "</HoSo>", XmlWrapping.XML_UNSIGNED_CONTENT);
    }

    private static void assertTampered(String xml, String code) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ValidationFixture.artifact("wrapped-" + code.toLowerCase() + "-" + Integer.toHexString(xml.hashCode())
                + ".xml", bytes);
        ValidationReport report = ValidationFixture.validate(new SignedFile("to-trinh.xml", bytes)).report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(report.findings()).as(report.toString()).extracting(f -> f.code()).contains(code);
    }

    @Test
    void aPlainEnvelopingSignatureByIdIsJudgedNotAskedForAnOriginal(@TempDir Path dir) throws Exception {
        byte[] enveloping = plainEnveloping("#hoso", dir);
        ValidationFixture.artifact("plain-enveloping.xml", enveloping);
        ValidationReport report = ValidationFixture.validate(new SignedFile("hoso.xml", enveloping)).report();
        assertThat(report.signatures()).as(report.toString()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.reason().code()).as(s.toString()).isEqualTo(PlainXmlSignature.PLAIN_XML_SIGNATURE);
        assertThat(s.coverage().en()).contains("Object (#hoso)");
        assertThat(s.signerName()).isEqualTo(ValidationFixture.pki().identity("remote-signer").displayName());

        // the object renamed: the data the signature names is gone, which is the signature's defect
        byte[] renamed = new String(enveloping, StandardCharsets.UTF_8).replace("Id=\"hoso\"", "Id=\"khac\"")
                .getBytes(StandardCharsets.UTF_8);
        ValidationReport broken = ValidationFixture.validate(new SignedFile("hoso.xml", renamed)).report();
        assertThat(broken.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(broken.signatures()).hasSize(1);
        assertThat(broken.signatures().get(0).reason().code()).isNotEqualTo("VALID");
    }

    @Test
    void aXadesDetachedSignatureIsStillAskedForItsOriginal() {
        SignedDocument signed = ValidationFixture.signer().sign(new SignRequest(FormatsValidationTest.BINARY,
                "ubnd-binh-an", new SignOptions(SignatureFormat.XADES, SignatureLevel.B_B, Packaging.DETACHED, null,
                        null, null, null, null, null)));
        assertThatThrownBy(() -> ValidationFixture.validate(new SignedFile(signed.name(), signed.content())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.error()).isEqualTo(ValidationError.ORIGINAL_REQUIRED));
    }

    @ParameterizedTest
    @EnumSource(value = JwsSerialization.class)
    void aDetachedJadesValidatesWithItsOriginalOnly(JwsSerialization serialization) {
        SignatureLevel level = serialization == JwsSerialization.COMPACT ? SignatureLevel.B_B : SignatureLevel.B_LT;
        SignedDocument signed = ValidationFixture.signer().sign(new SignRequest(JSON, "cong-ty-sao-mai",
                new SignOptions(SignatureFormat.JADES, level, Packaging.DETACHED, null, null, null, null, null, null,
                        serialization)));
        SignedFile signature = new SignedFile(signed.name(), signed.content());

        ValidationReport report = ValidationFixture.validate(signature, new SignedFile(JSON.name(), JSON.content()))
                .report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures().get(0).format()).isEqualTo(
                level == SignatureLevel.B_B ? "JAdES-BASELINE-B" : "JAdES-BASELINE-LT");
        assertThat(report.signatures().get(0).coverage().code()).isEqualTo(Coverage.DETACHED_ORIGINAL);
        assertThat(report.signatures().get(0).coverage().en()).contains(JSON.name());

        assertThatThrownBy(() -> ValidationFixture.validate(signature))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.error()).isEqualTo(ValidationError.ORIGINAL_REQUIRED));

        ValidationReport changed = ValidationFixture.validate(signature, new SignedFile(JSON.name(),
                "{\"ketQua\":\"Từ chối\"}".getBytes(StandardCharsets.UTF_8))).report();
        assertThat(changed.verdict()).isEqualTo(Verdict.INVALID);
    }

    /**
     * A plain XMLDSig whose data sits in its own ds:Object, referenced by Id, signed by xmlsec1 (another
     * stack than ours) from a template with the demo PKI's software key.
     */
    private static byte[] plainEnveloping(String uri, Path dir) throws Exception {
        KeyStore.PrivateKeyEntry key = ValidationFixture.pki().softwareKey("remote-signer");
        Path pem = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getPrivateKey().getEncoded()),
                StandardCharsets.US_ASCII);
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", key.getCertificate().getEncoded()),
                StandardCharsets.US_ASCII);
        String template = "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"sig\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"" + uri + "\"><Transforms><Transform "
                + "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>"
                + "<Object Id=\"" + uri.substring(1) + "\"><ThuTuc xmlns=\"urn:vn:hoso\">Cấp giấy phép xây dựng"
                + "</ThuTuc></Object></Signature>";
        Path in = Files.writeString(dir.resolve("template.xml"), template, StandardCharsets.UTF_8);
        Path out = dir.resolve("signed.xml");
        Process p = new ProcessBuilder("xmlsec1", "--sign", "--privkey-pem", pem + "," + cert, "--id-attr:Id",
                "http://www.w3.org/2000/09/xmldsig#:Object", "--output", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("xmlsec1 --sign: " + log).isZero();
        return Files.readAllBytes(out);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
