package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningFixture;

/**
 * RSASSA-PSS per key set (Circular 15/2025's standards table): the demo's specialised set signs with PSS
 * (SHA-256, MGF1 with SHA-256, salt 32) on its SoftHSM2 token, the public set keeps PKCS#1 v1.5. Every
 * format is validated by DSS against the demo roots, and by an independent stack where one knows PSS:
 * poppler's pdfsig (PAdES), {@code openssl cms -verify} (CAdES), npm jose and Node's crypto (JAdES PS256).
 */
class RsaPssSigningTest {

    private static DssSigningService service;

    @BeforeAll
    static void start() {
        service = SigningFixture.newPssService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void cadesOfTheSpecialisedSetIsPssWithSalt32AndOpensslVerifiesIt(@TempDir Path dir) throws Exception {
        Document content = SigningServiceTest.BINARY;
        byte[] cms = sign(content, "ubnd-binh-an", SignatureFormat.CADES, SignatureLevel.B_T, Packaging.DETACHED);

        SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(content.content()), cms)
                .getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        RSASSAPSSparams params = RSASSAPSSparams.getInstance(signer.getEncryptionAlgParams());
        assertThat(params.getSaltLength().intValue()).isEqualTo(32);
        assertThat(params.getHashAlgorithm().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(params.getMaskGenAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_mgf1);
        assertValid(cms, content);

        Path signature = Files.write(dir.resolve("signature.p7s"), cms);
        Path data = Files.write(dir.resolve("content.bin"), content.content());
        Path roots = Files.writeString(dir.resolve("roots.pem"),
                Files.readString(SigningFixture.pki().trustAnchorsPem(KeyFamily.SPECIALISED)));
        IndependentValidatorsTest.Result r = IndependentValidatorsTest.run(dir, "openssl", "cms", "-verify", "-binary",
                "-inform", "DER", "-in", signature.toString(), "-content", data.toString(), "-CAfile",
                roots.toString(), "-purpose", "any", "-out", dir.resolve("out.bin").toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Verification successful");
    }

    @Test
    void padesOfTheSpecialisedSetIsPssAndPdfsigFindsItValid(@TempDir Path dir) throws Exception {
        byte[] pdf = sign(SigningServiceTest.LETTER, "ubnd-binh-an", SignatureFormat.PADES, SignatureLevel.B_LT,
                null);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            SignerInformation signer = new CMSSignedData(signature.getContents(pdf)).getSignerInfos().getSigners()
                    .iterator().next();
            assertThat(signer.getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        }
        assertValid(pdf);
        Path file = Files.write(dir.resolve("letter.pdf"), pdf);
        IndependentValidatorsTest.Result r = IndependentValidatorsTest.run(dir, "pdfsig", file.toString());
        assertThat(r.output()).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void xadesOfTheSpecialisedSetSignsWithSha256RsaMgf1AndDssValidatesIt() {
        byte[] xml = sign(SigningServiceTest.XML, "ubnd-binh-an", SignatureFormat.XADES, SignatureLevel.B_T,
                Packaging.ENVELOPED);

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("Algorithm=\"http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1\"");
        assertValid(xml);
    }

    @Test
    void jadesOfTheSpecialisedSetIsPs256AndJoseAndNodeCryptoVerifyIt(@TempDir Path dir) throws Exception {
        byte[] jws = sign(SigningServiceTest.JSON, "ubnd-binh-an", SignatureFormat.JADES, SignatureLevel.B_B,
                Packaging.ENVELOPING);

        String json = new String(jws, StandardCharsets.UTF_8);
        String header = json.replaceAll("(?s).*\"protected\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
                .contains("\"alg\":\"PS256\"");
        assertValid(jws);

        Path file = Files.write(dir.resolve("signature.jws"), jws);
        Path pem = Files.writeString(dir.resolve("signer.pem"), pem("ubnd-binh-an"));
        NodeChecker.Result r = NodeChecker.run("jws-verify.js", dir, file.toString(), pem.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("\"jose\":true", "\"nodeCrypto\":true");
    }

    @Test
    void thePublicSetKeepsPkcs1() throws Exception {
        Document content = SigningServiceTest.BINARY;
        byte[] cms = sign(content, "cong-ty-sao-mai", SignatureFormat.CADES, SignatureLevel.B_B, Packaging.DETACHED);

        SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(content.content()), cms)
                .getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getEncryptionAlgOID()).isIn(PKCSObjectIdentifiers.rsaEncryption.getId(),
                PKCSObjectIdentifiers.sha256WithRSAEncryption.getId());
        assertValid(cms, content);
    }

    private static byte[] sign(Document document, String key, SignatureFormat format, SignatureLevel level,
            Packaging packaging) {
        SignedDocument signed = service.sign(new SignRequest(document, key,
                new SignOptions(format, level, packaging, null, null, null, null, null, null)));
        return signed.content();
    }

    private static void assertValid(byte[] signed, Document... detached) {
        List<DssVerdicts.Verdict> verdicts = DssVerdicts.validate(SigningFixture.pki(), signed, detached);
        assertThat(verdicts).hasSize(1);
        assertThat(verdicts.get(0).indication()).as(verdicts.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    private static String pem(String key) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(service.keyRegistry().find(key).certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
