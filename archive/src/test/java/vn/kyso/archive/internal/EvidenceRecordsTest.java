package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.EvidenceHash;
import vn.kyso.archive.EvidenceRecordSettings;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/**
 * RFC 4998 evidence records (ADR 0023): one time-stamp per tree, each record's evidence record verified
 * by DSS's own evidence-record validation (and failing when the record, the tree or the time-stamp is
 * altered), exported in BagIt and E-ARK packages, renewed by time-stamp and by hash tree.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceRecordsTest {

    static final int TREE = 4;
    static HikariDataSource db;
    static InMemoryObjectStore store;
    static PostgresArchiveService archive;
    static ObjectTable objects;
    static DemoPki pki;
    static EvidenceRecordSettings settings;
    static RecordDetails signed;
    static final List<RecordDetails> unsigned = new ArrayList<>();

    @BeforeAll
    static void start() {
        pki = ValidationFixture.pki();
        db = ArchiveFixture.newDatabase("ers");
        store = new InMemoryObjectStore();
        settings = EvidenceRecordSettings.of(pki.tsaUrl()).withTreeSize(TREE);
        archive = service(settings);
        objects = new ObjectTable(new CatalogueDb(db));
        // A B-T letter: the archive augments it, so its evidence covers a data group (original + B-LTA copy).
        signed = archive.ingest(new IngestRequest("cong-van-ky.pdf", Letters.signed(SignatureLevel.B_T), null,
                Letters.metadata("401/UBND-VP", "Ký số", LocalDate.of(2026, 3, 2), PreservationPeriod.permanent(),
                        null), "luu-tru"));
        for (int i = 0; i < 5; i++) {
            unsigned.add(archive.ingest(new IngestRequest("to-trinh-" + i + ".pdf", Letters.unsigned("Tờ trình " + i),
                    null, Letters.metadata("41" + i + "/UBND-VP", "Tờ trình " + i), "luu-tru")));
        }
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static PostgresArchiveService service(EvidenceRecordSettings evidence) {
        return new PostgresArchiveService(db, store, ValidationFixture.service(), ValidationFixture.signer(), null,
                ArchiveSettings.defaults(), evidence, Clock.systemUTC()).start();
    }

    @Test
    @Order(1)
    void everyRecordGetsAnEvidenceRecordFromOneTimeStampPerTree() throws Exception {
        JobReport run = archive.runJob(JobKind.EVIDENCE_RECORDS);

        assertThat(run.state()).isEqualTo(JobState.DONE);
        // Six records in trees of four: two trees, two TSA calls, not six.
        assertThat(run.message()).isEqualTo("6 records got a first evidence record, 0 a time-stamp renewal, "
                + "0 a hash-tree renewal; 2 time-stamps");
        for (RecordDetails r : all()) {
            ObjectRow er = evidenceRow(r);
            assertThat(er.generation()).isEqualTo(1);
            assertThat(er.name()).endsWith(".ers");
            assertThat(last(archive.record(r.id())).kind()).isEqualTo("EVIDENCE_RECORD");
        }
        assertThat(ErsTrees.info(evidence(signed)).chains()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void dssValidatesARecordsEvidenceRecordAgainstItsFiles() {
        Reports signedReports = dss(evidence(signed), files(signed));
        assertPassed(signedReports, 2);
        Reports unsignedReports = dss(evidence(unsigned.get(0)), files(unsigned.get(0)));
        assertPassed(unsignedReports, 1);
    }

    /**
     * Independently of BouncyCastle and DSS: the root recomputed here from the record's files and its
     * reduced hash tree (RFC 4998 §4.3) is what the archive time-stamp covers, by {@code openssl ts -verify}
     * against the demo PKI's anchors. A missing openssl fails the test (scripts/deps.sh installs it).
     */
    @Test
    @Order(2)
    void opensslVerifiesTheArchiveTimeStampOverTheRootRecomputedFromTheFiles() throws Exception {
        EvidenceRecord er = EvidenceRecord.getInstance(evidence(signed));
        ArchiveTimeStamp ats = er.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps()[0];
        PartialHashtree[] tree = ats.getReducedHashTree();
        List<byte[]> digests = new ArrayList<>();
        for (byte[] file : files(signed).values()) {
            digests.add(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        }
        List<byte[]> first = List.of(tree[0].getValues());
        for (byte[] d : digests) {
            assertThat(first).anySatisfy(v -> assertThat(v).isEqualTo(d));
        }
        byte[] node = first.size() == 1 ? first.get(0) : sortedHash(first);
        for (int level = 1; level < tree.length; level++) {
            List<byte[]> values = new ArrayList<>(List.of(tree[level].getValues()));
            values.add(node);
            node = sortedHash(values);
        }
        Path dir = java.nio.file.Files.createTempDirectory("ers-openssl");
        Path token = java.nio.file.Files.write(dir.resolve("token.der"), der(ats.getTimeStamp()));
        StringBuilder anchors = new StringBuilder();
        for (KeyFamily f : KeyFamily.values()) {
            anchors.append(java.nio.file.Files.readString(pki.trustAnchorsPem(f)));
        }
        Path ca = java.nio.file.Files.writeString(dir.resolve("anchors.pem"), anchors);
        Path tsaPem = java.nio.file.Files.writeString(dir.resolve("tsa.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(pki.tsaCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        assertThat(openssl(token, java.util.HexFormat.of().formatHex(node), ca, tsaPem)).contains("Verification: OK");

        byte[] wrong = node.clone();
        wrong[0] ^= 0x01;
        assertThat(openssl(token, java.util.HexFormat.of().formatHex(wrong), ca, tsaPem))
                .doesNotContain("Verification: OK");
    }

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

    @Test
    @Order(3)
    void dssRefusesAnAlteredRecord() {
        Map<String, byte[]> files = files(unsigned.get(1));
        byte[] original = files.values().iterator().next().clone();
        original[original.length / 2] ^= 0x01;
        Reports reports = dss(evidence(unsigned.get(1)), Map.of("altered.pdf", original));

        assertThat(evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(record(reports).getDigestMatchers()).noneMatch(m -> m.isDataFound() && m.isDataIntact());
    }

    @Test
    @Order(4)
    void dssRefusesAnAlteredHashTree() {
        RecordDetails r = unsigned.get(2);
        Reports reports = dss(alterTree(evidence(r)), files(r));

        assertThat(evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(record(reports).getFirstTimestamp().isMessageImprintDataIntact()).isFalse();
    }

    @Test
    @Order(5)
    void dssRefusesAnAlteredTimeStamp() throws Exception {
        RecordDetails r = unsigned.get(3);
        Reports reports = dss(alterTimeStampSignature(evidence(r)), files(r));

        assertThat(evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(record(reports).getFirstTimestamp().isSignatureValid()).isFalse();
    }

    @Test
    @Order(6)
    void packagesCarryTheEvidenceRecordBesideTheOriginal() throws Exception {
        byte[] er = evidence(signed);
        byte[] bagZip = archive.exportRecord(signed.id()).content();
        BagChecker.check(bagZip);
        byte[] earkZip = archive.exportRecordEark(signed.id()).content();
        vn.kyso.archive.testing.CsipChecker.check(earkZip);
        Map<String, byte[]> bag = unzip(bagZip);
        assertThat(bag).hasEntrySatisfying("record-" + signed.id() + "/data/evidence/evidence-record-1-cong-van-ky.ers",
                content -> assertThat(content).isEqualTo(er));
        Map<String, byte[]> eark = unzip(earkZip);
        assertThat(eark.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).contains("/representations/record-" + signed.id() + "/data/")
                    .endsWith("evidence-record-1-cong-van-ky.ers");
            assertThat(e.getValue()).isEqualTo(er);
        });
    }

    @Test
    @Order(7)
    void timeStampRenewalAppendsToTheChainWithOneCallPerEarlierTree() {
        // A margin longer than any demo TSA certificate lives: every archive time-stamp is due.
        PostgresArchiveService renewing = service(settings.withRenewalMargin(Duration.ofDays(365L * 200)));
        try {
            JobReport run = renewing.runJob(JobKind.EVIDENCE_RECORDS);
            assertThat(run.state()).isEqualTo(JobState.DONE);
            assertThat(run.message()).isEqualTo("0 records got a first evidence record, 6 a time-stamp renewal, "
                    + "0 a hash-tree renewal; 2 time-stamps");
        } finally {
            renewing.close();
        }
        EvidenceRecord er = EvidenceRecord.getInstance(evidence(signed));
        assertThat(er.getArchiveTimeStampSequence().size()).isEqualTo(1);
        assertThat(er.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps()).hasSize(2);
        assertThat(evidenceRow(signed).generation()).isEqualTo(2);
        Reports reports = dss(evidence(signed), files(signed));
        assertPassed(reports, 2);
        assertThat(record(reports).getTimestampList()).hasSize(2);
    }

    @Test
    @Order(8)
    void hashTreeRenewalStartsANewChainUnderTheNewHash() {
        PostgresArchiveService rehashing = service(settings.withHash(EvidenceHash.SHA_512));
        try {
            JobReport run = rehashing.runJob(JobKind.EVIDENCE_RECORDS);
            assertThat(run.state()).isEqualTo(JobState.DONE);
            assertThat(run.message()).isEqualTo("0 records got a first evidence record, 0 a time-stamp renewal, "
                    + "6 a hash-tree renewal; 2 time-stamps");
        } finally {
            rehashing.close();
        }
        ErsTrees.Info info = ErsTrees.info(evidence(signed));
        assertThat(info.chains()).isEqualTo(2);
        assertThat(info.hash()).isEqualTo(EvidenceHash.SHA_512);
        for (RecordDetails r : List.of(signed, unsigned.get(4))) {
            Reports reports = dss(evidence(r), files(r));
            assertPassed(reports, files(r).size());
            assertThat(record(reports).getTimestampList()).hasSize(3);
        }
    }

    @Test
    @Order(9)
    void aRunWithNothingDueTakesNoTimeStamp() {
        PostgresArchiveService same = service(settings.withHash(EvidenceHash.SHA_512));
        try {
            assertThat(same.runJob(JobKind.EVIDENCE_RECORDS).message()).isEqualTo("0 records got a first evidence "
                    + "record, 0 a time-stamp renewal, 0 a hash-tree renewal; 0 time-stamps");
        } finally {
            same.close();
        }
    }

    // ---------------------------------------------------------------- DSS, the independent verifier

    static Reports dss(byte[] evidenceRecord, Map<String, byte[]> files) {
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
        assertThat(tree).as("a record in a tree of " + TREE + " has siblings").hasSizeGreaterThan(1);
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

    // ---------------------------------------------------------------- records and their objects

    static List<RecordDetails> all() {
        List<RecordDetails> all = new ArrayList<>(unsigned);
        all.add(signed);
        return all;
    }

    static ObjectRow evidenceRow(RecordDetails r) {
        return ObjectRow.latest(objects.of(UUID.fromString(r.id())), ObjectRole.EVIDENCE_RECORD).orElseThrow();
    }

    static byte[] evidence(RecordDetails r) {
        return store.read(evidenceRow(r).key());
    }

    /** The files a record's evidence covers: the original and the newest long-term copy. */
    static Map<String, byte[]> files(RecordDetails r) {
        List<ObjectRow> rows = objects.of(UUID.fromString(r.id()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ObjectRole role : List.of(ObjectRole.ORIGINAL, ObjectRole.AUGMENTED)) {
            ObjectRow.latest(rows, role).ifPresent(o -> files.put(o.role() + "-" + o.name(), store.read(o.key())));
        }
        return files;
    }

    static RecordDetails.HistoryEvent last(RecordDetails r) {
        return r.history().get(r.history().size() - 1);
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
