package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;

/**
 * The independent checks of {@link EvidenceRecordsTest}: DSS's evidence-record validation, openssl's
 * time-stamp verification, and the alterations each must refuse.
 */
final class EvidenceRecordChecks {

    private EvidenceRecordChecks() {
    }

    // ---------------------------------------------------------------- DSS, the independent verifier

    static Reports dss(DemoPki pki, byte[] evidenceRecord, Map<String, byte[]> files) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(
                new InMemoryDocument(evidenceRecord, "record.ers"));
        List<DSSDocument> detached = new ArrayList<>();
        files.forEach((name, content) -> detached.add(new InMemoryDocument(content, name)));
        validator.setDetachedContents(detached);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    static EvidenceRecordWrapper record(Reports reports) {
        assertThat(reports.getDiagnosticData().getEvidenceRecords()).hasSize(1);
        return reports.getDiagnosticData().getEvidenceRecords().get(0);
    }

    static Indication evidenceRecordIndication(Reports reports) {
        return reports.getDetailedReport().getEvidenceRecordValidationIndication(record(reports).getId());
    }

    static void assertPassed(Reports reports, int files) {
        EvidenceRecordWrapper er = record(reports);
        List<XmlDigestMatcher> matched = er.getDigestMatchers().stream()
                .filter(m -> m.isDataFound() && m.isDataIntact()).toList();
        assertThat(matched).as("every file of the record found and intact in the evidence record").hasSize(files);
        for (TimestampWrapper t : er.getTimestampList()) {
            assertThat(t.isMessageImprintDataFound()).isTrue();
            assertThat(t.isMessageImprintDataIntact()).isTrue();
            assertThat(t.isSignatureValid()).isTrue();
        }
        assertThat(evidenceRecordIndication(reports)).as(reports.getXmlDetailedReport().toString())
                .isEqualTo(Indication.PASSED);
    }

    // ---------------------------------------------------------------- alterations

    /** Flips a bit of one hash in the record's reduced hash tree (a sibling, not the record's own). */
    static byte[] alterTree(byte[] evidenceRecord) {
        EvidenceRecord er = EvidenceRecord.getInstance(evidenceRecord);
        ArchiveTimeStamp ats = er.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps()[0];
        PartialHashtree[] tree = ats.getReducedHashTree();
        assertThat(tree).as("a record in a tree of several has siblings").hasSizeGreaterThan(1);
        byte[][] values = tree[1].getValues();
        values[0] = values[0].clone();
        values[0][0] ^= 0x01;
        tree[1] = new PartialHashtree(values);
        ArchiveTimeStamp altered = new ArchiveTimeStamp(ats.getDigestAlgorithmIdentifier(), tree, ats.getTimeStamp());
        return der(new EvidenceRecord(er.getDigestAlgorithms(), null, null,
                new ArchiveTimeStampSequence(new ArchiveTimeStampChain(altered))));
    }

    /** Flips a bit of the TSA's signature value inside the archive time-stamp. */
    static byte[] alterTimeStampSignature(byte[] evidenceRecord) throws Exception {
        EvidenceRecord er = EvidenceRecord.getInstance(evidenceRecord);
        ArchiveTimeStamp ats = er.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps()[0];
        SignerInformation signer = new CMSSignedData(ats.getTimeStamp()).getSignerInfos().getSigners().iterator().next();
        byte[] signature = signer.getSignature();
        byte[] bytes = evidenceRecord.clone();
        int at = indexOf(bytes, signature);
        assertThat(at).as("the signature value is in the evidence record").isNotNegative();
        bytes[at + signature.length / 2] ^= 0x01;
        return bytes;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- openssl

    static String openssl(Path token, String digestHex, Path ca, Path untrusted) throws Exception {
        Process p = new ProcessBuilder("openssl", "ts", "-verify", "-digest", digestHex, "-in", token.toString(),
                "-token_in", "-CAfile", ca.toString(), "-untrusted", untrusted.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** RFC 4998 §4.3: hashes in binary ascending order, concatenated, hashed. */
    static byte[] sortedHash(List<byte[]> values) throws Exception {
        List<byte[]> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Arrays::compareUnsigned);
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        sorted.forEach(md::update);
        return md.digest();
    }

    static byte[] der(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return o.getEncoded("DER");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
