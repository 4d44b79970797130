package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
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
        Reports signedReports = EvidenceRecordChecks.dss(pki, evidence(signed), files(signed));
        EvidenceRecordChecks.assertPassed(signedReports, 2);
        Reports unsignedReports = EvidenceRecordChecks.dss(pki, evidence(unsigned.get(0)), files(unsigned.get(0)));
        EvidenceRecordChecks.assertPassed(unsignedReports, 1);
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
        byte[] node = first.size() == 1 ? first.get(0) : EvidenceRecordChecks.sortedHash(first);
        for (int level = 1; level < tree.length; level++) {
            List<byte[]> values = new ArrayList<>(List.of(tree[level].getValues()));
            values.add(node);
            node = EvidenceRecordChecks.sortedHash(values);
        }
        Path dir = java.nio.file.Files.createTempDirectory("ers-openssl");
        Path token = java.nio.file.Files.write(dir.resolve("token.der"), EvidenceRecordChecks.der(ats.getTimeStamp()));
        StringBuilder anchors = new StringBuilder();
        for (KeyFamily f : KeyFamily.values()) {
            anchors.append(java.nio.file.Files.readString(pki.trustAnchorsPem(f)));
        }
        Path ca = java.nio.file.Files.writeString(dir.resolve("anchors.pem"), anchors);
        Path tsaPem = java.nio.file.Files.writeString(dir.resolve("tsa.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(pki.tsaCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        assertThat(EvidenceRecordChecks.openssl(token, java.util.HexFormat.of().formatHex(node), ca, tsaPem)).contains("Verification: OK");

        byte[] wrong = node.clone();
        wrong[0] ^= 0x01;
        assertThat(EvidenceRecordChecks.openssl(token, java.util.HexFormat.of().formatHex(wrong), ca, tsaPem))
                .doesNotContain("Verification: OK");
    }

    @Test
    @Order(3)
    void dssRefusesAnAlteredRecord() {
        Map<String, byte[]> files = files(unsigned.get(1));
        byte[] original = files.values().iterator().next().clone();
        original[original.length / 2] ^= 0x01;
        Reports reports = EvidenceRecordChecks.dss(pki, evidence(unsigned.get(1)), Map.of("altered.pdf", original));

        assertThat(EvidenceRecordChecks.evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(EvidenceRecordChecks.record(reports).getDigestMatchers()).noneMatch(m -> m.isDataFound() && m.isDataIntact());
    }

    @Test
    @Order(4)
    void dssRefusesAnAlteredHashTree() {
        RecordDetails r = unsigned.get(2);
        Reports reports = EvidenceRecordChecks.dss(pki, EvidenceRecordChecks.alterTree(evidence(r)), files(r));

        assertThat(EvidenceRecordChecks.evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(EvidenceRecordChecks.record(reports).getFirstTimestamp().isMessageImprintDataIntact()).isFalse();
    }

    @Test
    @Order(5)
    void dssRefusesAnAlteredTimeStamp() throws Exception {
        RecordDetails r = unsigned.get(3);
        Reports reports = EvidenceRecordChecks.dss(pki, EvidenceRecordChecks.alterTimeStampSignature(evidence(r)), files(r));

        assertThat(EvidenceRecordChecks.evidenceRecordIndication(reports)).isNotEqualTo(Indication.PASSED);
        assertThat(EvidenceRecordChecks.record(reports).getFirstTimestamp().isSignatureValid()).isFalse();
    }

    @Test
    @Order(6)
    void packagesCarryTheEvidenceRecordBesideTheOriginal() throws Exception {
        byte[] er = evidence(signed);
        byte[] bagZip = archive.exportRecord(signed.id()).content();
        BagChecker.check(bagZip);
        byte[] earkZip = archive.exportRecordEark(signed.id()).content();
        vn.kyso.archive.testing.CsipChecker.check(earkZip);
        Map<String, byte[]> bag = EvidenceRecordChecks.unzip(bagZip);
        assertThat(bag).hasEntrySatisfying("record-" + signed.id() + "/data/evidence/evidence-record-1-cong-van-ky.ers",
                content -> assertThat(content).isEqualTo(er));
        Map<String, byte[]> eark = EvidenceRecordChecks.unzip(earkZip);
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
        Reports reports = EvidenceRecordChecks.dss(pki, evidence(signed), files(signed));
        EvidenceRecordChecks.assertPassed(reports, 2);
        assertThat(EvidenceRecordChecks.record(reports).getTimestampList()).hasSize(2);
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
            Reports reports = EvidenceRecordChecks.dss(pki, evidence(r), files(r));
            EvidenceRecordChecks.assertPassed(reports, files(r).size());
            assertThat(EvidenceRecordChecks.record(reports).getTimestampList()).hasSize(3);
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
}
