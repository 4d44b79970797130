package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;

/**
 * Issue #10 item 6, silent attacks: CMS signatures and containers made with the demo's trusted keys, then
 * broken in code — a time-stamp copied from another signature or with a broken TSA signature, a signature
 * re-signed without its message-digest or with a signing-certificate reference to another certificate, a
 * signed file replaced or removed from a container. Each is named and red both when the signer is trusted
 * and when it is not, and the intactness finding leads the headline.
 */
class IntactnessTest {

    private static final String KEY = "so-noi-vu-binh-an";

    private static DssValidationService untrusting;
    private static DirectSigner signer;
    private static byte[] bt;
    private static byte[] otherBt;
    private static byte[] bb;

    @BeforeAll
    static void sign() throws Exception {
        KeyFamily family = ValidationFixture.pki().identity(KEY).family();
        KeyFamily other = family == KeyFamily.PUBLIC ? KeyFamily.SPECIALISED : KeyFamily.PUBLIC;
        untrusting = ValidationFixture.newService(ValidationFixture.trusting(other));
        signer = DirectSigner.token(ValidationFixture.pki(), KEY);
        bt = cades("Công văn số 12/UBND", SignatureLevel.B_T);
        otherBt = cades("Công văn số 13/UBND", SignatureLevel.B_T);
        bb = cades("Công văn số 14/UBND", SignatureLevel.B_B);
    }

    @Test
    void theUntouchedAndTheFaithfullyReSignedAreValidWithoutFindings() {
        assertClean(bt);
        // the re-signing used below, with nothing changed, yields a sound signature: the findings that
        // follow come from the defects, not from the method
        assertClean(resign(bb, attrs -> attrs));
    }

    @Test
    void aTimeStampCopiedFromAnotherSignatureIsNamed() {
        SignerInfo donor = signerInfo(otherBt);
        byte[] copied = replaceSignerInfo(bt, si -> new SignerInfo(si.getSID(), si.getDigestAlgorithm(),
                si.getAuthenticatedAttributes(), si.getDigestEncryptionAlgorithm(), si.getEncryptedDigest(),
                donor.getUnauthenticatedAttributes()));
        assertNamed(copied, "TIMESTAMP_IMPRINT_MISMATCH");
    }

    @Test
    void aTimeStampWhoseOwnSignatureIsBrokenIsNamed() {
        byte[] broken = replaceSignerInfo(bt, si -> {
            Attribute tst = new AttributeTable(si.getUnauthenticatedAttributes())
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            byte[] token = encoded(tst.getAttrValues().getObjectAt(0));
            byte[] brokenToken = replaceSignerInfo(token, tsi -> {
                byte[] value = tsi.getEncryptedDigest().getOctets().clone();
                value[value.length / 2] ^= 0x01;
                return new SignerInfo(tsi.getSID(), tsi.getDigestAlgorithm(), tsi.getAuthenticatedAttributes(),
                        tsi.getDigestEncryptionAlgorithm(), new DEROctetString(value),
                        tsi.getUnauthenticatedAttributes());
            });
            Attribute replaced = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ContentInfo.getInstance(brokenToken)));
            return new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(), si.getEncryptedDigest(), new DERSet(replaced));
        });
        assertNamed(broken, "TIMESTAMP_BROKEN");
    }

    @Test
    void aSignatureWithoutMessageDigestIsNamed() {
        assertNamed(resign(bb, attrs -> without(attrs, CMSAttributes.messageDigest)), "CMS_MESSAGE_DIGEST_MISSING");
    }

    @Test
    void aCmsWithoutAnySignedAttributesIsNotAccusedOfLackingItsDigest() {
        // RFC 5652 5.3: without signed attributes the value is over the content itself; nothing is missing
        byte[] content = "Công văn số 15/UBND".getBytes(StandardCharsets.UTF_8);
        byte[] plain = replaceSignerInfo(bb, si -> new SignerInfo(si.getSID(), si.getDigestAlgorithm(), (ASN1Set) null,
                si.getDigestEncryptionAlgorithm(), new DEROctetString(signer.signRaw(content)), (ASN1Set) null));
        SignedData sd = signedData(plain);
        byte[] withContent = encoded(new ContentInfo(CMSObjectIdentifiers.signedData, new SignedData(
                sd.getDigestAlgorithms(), new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(content)),
                sd.getCertificates(), sd.getCRLs(), sd.getSignerInfos())));
        ValidationReport report = validate(ValidationFixture.service(), withContent);
        assertThat(report.findings()).as(report.summary().en()).extracting(Explanation::code)
                .doesNotContain("CMS_MESSAGE_DIGEST_MISSING");
    }

    @Test
    void aSigningCertificateReferenceToAnotherCertificateIsNamed() {
        byte[] wrongRef = resign(bb, attrs -> {
            ASN1EncodableVector v = new ASN1EncodableVector();
            for (ASN1Encodable a : attrs) {
                Attribute attr = Attribute.getInstance(a);
                if (attr.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signingCertificateV2)) {
                    SigningCertificateV2 sc = SigningCertificateV2.getInstance(attr.getAttrValues().getObjectAt(0));
                    ESSCertIDv2 id = sc.getCerts()[0];
                    byte[] hash = id.getCertHash().clone();
                    hash[0] ^= 0x55;
                    attr = new Attribute(attr.getAttrType(), new DERSet(new SigningCertificateV2(
                            new ESSCertIDv2[] {new ESSCertIDv2(id.getHashAlgorithm(), hash, id.getIssuerSerial())})));
                }
                v.add(attr);
            }
            return new DERSet(v);
        });
        assertNamed(wrongRef, "SIGNING_CERTIFICATE_MISMATCH");
    }

    @Test
    void aSignedFileReplacedOrRemovedFromAContainerIsNamed() {
        List<Document> files = List.of(new Document("cong-van.pdf", ValidationFixture.oneLetter()),
                new Document("phu-luc.txt", "Phụ lục: danh sách đơn vị".getBytes(StandardCharsets.UTF_8)));
        for (SignatureFormat format : List.of(SignatureFormat.XADES, SignatureFormat.CADES)) {
            byte[] container = ValidationFixture.signer().signContainer(new ContainerRequest(files, KEY, format,
                    SignatureLevel.B_B, null)).content();
            ZipForge replaced = ZipForge.of(container);
            replaced.entry("phu-luc.txt").data = "Phụ lục: danh sách khác".getBytes(StandardCharsets.UTF_8);
            assertNamed(replaced.bytes(), "SIGNED_FILE_CHANGED", "phu-luc.txt");
            ZipForge removed = ZipForge.of(container);
            removed.entries.remove(removed.entry("phu-luc.txt"));
            assertNamed(removed.bytes(), "SIGNED_FILE_MISSING", "phu-luc.txt");
        }
    }

    @Test
    void aSignatureCopiedIntoASecondSignatureFileIsNamed() {
        List<Document> files = List.of(new Document("cong-van.pdf", ValidationFixture.oneLetter()));
        byte[] container = ValidationFixture.signer().signContainer(new ContainerRequest(files, KEY,
                SignatureFormat.XADES, SignatureLevel.B_B, null)).content();
        ZipForge copied = ZipForge.of(container);
        ZipForge.Entry signature = copied.entries.stream().filter(e -> e.name.matches("META-INF/signatures.*\\.xml"))
                .findFirst().orElseThrow();
        copied.entries.add(new ZipForge.Entry("META-INF/signatures002.xml", signature.data, signature.method));
        assertNamed(copied.bytes(), "SIGNATURE_DUPLICATED");
    }

    @Test
    void anEnvelopingCmsOfAPdfIsReadAsCmsNotAsAPdf() {
        byte[] cms = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf",
                ValidationFixture.oneLetter()), KEY, new SignOptions(SignatureFormat.CADES, SignatureLevel.B_B,
                Packaging.ENVELOPING, null, null, null, null, null, null))).content();
        assertThat(ContentKind.sniff(cms)).contains(ContentKind.CMS);
        ValidationReport report = validate(ValidationFixture.service(), cms);
        assertThat(report.findings()).extracting(Explanation::code).doesNotContain("INCOMPLETE_REVISION");
        assertThat(report.verdict()).as(report.summary().en()).isEqualTo(Verdict.VALID);
    }

    private static byte[] cades(String text, SignatureLevel level) {
        return ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.txt",
                text.getBytes(StandardCharsets.UTF_8)), KEY, new SignOptions(SignatureFormat.CADES, level,
                Packaging.ENVELOPING, null, null, null, null, null, null))).content();
    }

    /** The CMS with its signer's signed attributes changed and signed again with the same key. */
    private static byte[] resign(byte[] cms, UnaryOperator<ASN1Set> change) {
        return replaceSignerInfo(cms, si -> {
            ASN1Set attrs = change.apply(si.getAuthenticatedAttributes());
            DERSet der = new DERSet(toVector(attrs));
            byte[] value = signer.signRaw(encoded(der));
            return new SignerInfo(si.getSID(), si.getDigestAlgorithm(), der, si.getDigestEncryptionAlgorithm(),
                    new DEROctetString(value), null);
        });
    }

    private static ASN1Set without(ASN1Set attrs, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ASN1Encodable a : attrs) {
            if (!Attribute.getInstance(a).getAttrType().equals(type)) {
                v.add(a);
            }
        }
        return new DERSet(v);
    }

    private static ASN1EncodableVector toVector(ASN1Set set) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ASN1Encodable a : set) {
            v.add(a);
        }
        return v;
    }

    private static SignerInfo signerInfo(byte[] cms) {
        return SignerInfo.getInstance(signedData(cms).getSignerInfos().getObjectAt(0));
    }

    private static SignedData signedData(byte[] cms) {
        return SignedData.getInstance(ContentInfo.getInstance(cms).getContent());
    }

    private static byte[] replaceSignerInfo(byte[] cms, UnaryOperator<SignerInfo> change) {
        SignedData sd = signedData(cms);
        SignerInfo changed = change.apply(SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0)));
        SignedData result = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                sd.getCRLs(), new DERSet(changed));
        return encoded(new ContentInfo(CMSObjectIdentifiers.signedData, result));
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ValidationReport validate(DssValidationService service, byte[] content) {
        return service.validate(ValidationRequest.of(new SignedFile("cong-van.p7m", content))).report();
    }

    private static void assertClean(byte[] content) {
        ValidationReport report = validate(ValidationFixture.service(), content);
        assertThat(report.findings()).as(report.summary().en()).isEmpty();
        assertThat(report.verdict()).as(report.summary().en()).isEqualTo(Verdict.VALID);
    }

    private static void assertNamed(byte[] content, String code) {
        assertNamed(content, code, null);
    }

    /** Red with the named finding leading the headline, with the signer trusted and with it not trusted. */
    private static void assertNamed(byte[] content, String code, String detail) {
        for (DssValidationService service : List.of(ValidationFixture.service(), untrusting)) {
            ValidationReport report = validate(service, content);
            assertThat(report.verdict()).as(code + " " + report.findings()).isEqualTo(Verdict.INVALID);
            assertThat(report.findings()).as(report.findings().toString()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(code);
                assertThat(f.vi()).isNotBlank().isNotEqualTo(f.en());
                if (detail != null) {
                    assertThat(f.en()).contains(detail);
                }
            });
            assertThat(report.summary().code()).isEqualTo(Verdict.INVALID.name());
            Explanation finding = report.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                    .orElseThrow();
            assertThat(report.summary().en()).as("headline leads with the intactness finding")
                    .contains(finding.en().substring(1, 20));
        }
    }
}
