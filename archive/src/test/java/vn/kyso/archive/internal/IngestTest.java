package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/**
 * Ingest against real PostgreSQL, the real validator and signer of the demo PKI, and each object
 * store: the S3 server process through the MinIO client, the filesystem store, and the fake.
 */
abstract class IngestTest {

    static HikariDataSource db;
    static ObjectStore store;
    static PostgresArchiveService archive;

    static void start(ObjectStore objectStore) {
        db = ArchiveFixture.newDatabase("ingest");
        store = objectStore;
        archive = ArchiveFixture.service(db, store);
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    @Test
    void augmentsABasicLetterToLtaAndStoresTheOriginalUntouched() throws Exception {
        byte[] letter = Letters.signed(SignatureLevel.B_B);

        RecordDetails r = archive.ingest(new IngestRequest("cong-van-12.pdf", letter, null,
                Letters.metadata("12/UBND-VP", "Về việc cấp giấy phép xây dựng"), "van-thu"));

        assertThat(r.state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertThat(r.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.VALID);
        assertThat(r.validation().signatures()).singleElement()
                .satisfies(s -> assertThat(s.format()).isEqualTo("PAdES-BASELINE-B"));
        assertThat(r.evidence().levelAtIngest()).isEqualTo("PAdES-BASELINE-B");
        assertThat(r.evidence().augmented()).isTrue();
        assertThat(r.evidence().lastTimestamp()).isNotNull();
        assertThat(r.evidence().renewBy()).isAfter(r.evidence().lastTimestamp());
        assertThat(r.metadata().signer()).as("signer taken from the signature").isNotBlank();
        assertThat(r.metadata().pageCount()).isEqualTo(1);
        assertThat(r.objects()).extracting(RecordDetails.StoredObject::role)
                .containsExactlyInAnyOrder(ObjectRole.ORIGINAL, ObjectRole.AUGMENTED, ObjectRole.VALIDATION,
                        ObjectRole.VALIDATION_ETSI, ObjectRole.MANIFEST);
        assertThat(r.history()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("INGEST");
            assertThat(e.actor()).isEqualTo("van-thu");
        });

        assertThat(archive.content(r.id()).content()).isEqualTo(letter);
        assertThat(r.original().sha256()).isEqualTo(Digests.sha256(letter));

        // The augmented copy is the original plus an incremental update, and validates at LTA.
        byte[] evidenceZip = archive.evidence(r.id()).content();
        byte[] augmented = Zips.entry(evidenceZip, n -> n.startsWith("augmented-1-"));
        assertThat(Arrays.copyOf(augmented, letter.length)).isEqualTo(letter);
        assertThat(ValidationFixture.validate(augmented).report().signatures()).singleElement()
                .satisfies(s -> assertThat(s.format()).isEqualTo("PAdES-BASELINE-LTA"));

        // The manifest names every other object with both digests.
        JsonNode manifest = new ObjectMapper().readTree(Zips.entry(evidenceZip, n -> n.startsWith("manifest-0-")));
        assertThat(manifest.path("objects")).hasSize(4);
        for (JsonNode o : manifest.path("objects")) {
            RecordDetails.StoredObject stored = r.objects().stream()
                    .filter(s -> s.role().wireName().equals(o.path("role").asText())).findFirst().orElseThrow();
            assertThat(o.path("sha256").asText()).isEqualTo(stored.sha256());
            assertThat(o.path("sha512").asText()).isEqualTo(stored.sha512()).hasSize(128);
        }
    }

    @Test
    void keepsAnLtaLetterAsItIs() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        RecordDetails r = archive.ingest(new IngestRequest("lta.pdf", letter, null,
                Letters.metadata("13/UBND-VP", "Thông báo kết quả"), "van-thu"));
        assertThat(r.evidence().augmented()).isFalse();
        assertThat(r.evidence().levelAtIngest()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(r.objects()).extracting(RecordDetails.StoredObject::role).doesNotContain(ObjectRole.AUGMENTED);
    }

    @Test
    void archivesAnUnsignedScanAsUnsignedAndATamperedLetterWithoutAugmenting() {
        RecordDetails scan = archive.ingest(new IngestRequest("scan.pdf", Letters.unsigned("Bản scan"), null,
                Letters.metadata("14/UBND-VP", "Bản số hóa"), "luu-tru"));
        assertThat(scan.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.UNSIGNED);
        assertThat(scan.evidence().augmented()).isFalse();

        byte[] tampered = Letters.signed(SignatureLevel.B_T);
        // A digit of the serial in the document information, which the signature covers.
        int at = indexOf(tampered, "serial-") + 7;
        tampered[at] = (byte) (tampered[at] == '9' ? '8' : '9');
        RecordDetails bad = archive.ingest(new IngestRequest("bad.pdf", tampered, null,
                Letters.metadata("15/UBND-VP", "Văn bản bị sửa"), "luu-tru"));
        assertThat(bad.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.INVALID);
        assertThat(bad.evidence().augmented()).isFalse();
        assertThat(bad.history().get(0).detail()).contains("not augmented");
    }

    @Test
    void answersWithTheRecordAsStoredAndEveryObjectRetained() {
        // The answer is built from what the ingest wrote, not read back: it must be what a read gives.
        byte[] tampered = Letters.signed(SignatureLevel.B_T);
        int at = indexOf(tampered, "serial-") + 7;
        tampered[at] = (byte) (tampered[at] == '9' ? '8' : '9');
        List<byte[]> letters = List.of(Letters.signed(SignatureLevel.B_LTA), Letters.signed(SignatureLevel.B_B),
                Letters.unsigned("Bản scan đọc lại"), tampered);
        int n = 0;
        for (byte[] letter : letters) {
            n++;
            RecordDetails answer = archive.ingest(new IngestRequest("doc-" + n + ".pdf", letter, null,
                    Letters.metadata((40 + n) + "/UBND-VP", "Đọc lại " + n), "van-thu"));
            assertThat(answer).as("letter %d", n).isEqualTo(archive.record(answer.id()));
            for (String key : store.list("records/" + answer.id() + "/")) {
                assertThat(store.stat(key).orElseThrow().retainUntil()).as(key)
                        .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
            }
            assertThat(store.list("records/" + answer.id() + "/")).hasSize(answer.objects().size());
        }
    }

    @Test
    void refusesTheSameBytesTwice() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        RecordDetails first = archive.ingest(new IngestRequest("a.pdf", letter, null,
                Letters.metadata("16/UBND-VP", "Lần một"), "van-thu"));
        int objects = store.list("records/").size();

        assertThatThrownBy(() -> archive.ingest(new IngestRequest("b.pdf", letter, null,
                Letters.metadata("17/UBND-VP", "Lần hai"), "van-thu")))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.error()).isEqualTo(ArchiveError.DUPLICATE_RECORD);
                    assertThat(e.existingRecordId()).isEqualTo(first.id());
                });
        assertThat(store.list("records/")).hasSize(objects);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "../../etc/passwd")) {
            assertThatThrownBy(() -> archive.record(id)).isInstanceOfSatisfying(ArchiveException.class,
                    e -> assertThat(e.error()).isEqualTo(ArchiveError.RECORD_NOT_FOUND));
        }
    }

    static int indexOf(byte[] data, String ascii) {
        byte[] p = ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = data.length - p.length; i >= 0; i--) {
            for (int j = 0; j < p.length; j++) {
                if (data[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}
