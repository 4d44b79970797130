package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.core.testing.Eventually;

/** Asynchronous ingest: accepted at once, archived in the background, finished by recovery after an outage. */
class AcceptedIngestTest {

    static HikariDataSource db;
    static InMemoryObjectStore store;
    static PostgresArchiveService archive;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("accepted");
        store = new InMemoryObjectStore();
        archive = ArchiveFixture.service(db, store, ArchiveSettings.defaults().withRecoveryGrace(Duration.ZERO),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static RecordDetails await(String id, Predicate<RecordDetails> done) throws Exception {
        return Eventually.until(Duration.ofSeconds(90), () -> archive.record(id), done);
    }

    @Test
    void anAcceptedLetterIsArchivedInTheBackground() throws Exception {
        byte[] letter = Letters.signed(SignatureLevel.B_B);

        RecordDetails accepted = archive.accept(new IngestRequest("kq.pdf", letter, null,
                Letters.metadata("401/UBND-VP", "Chuyển giao hồ sơ hàng loạt"), "luu-tru"));

        assertThat(accepted.state()).isEqualTo(RecordState.ACCEPTED);
        assertThat(accepted.objects()).extracting(RecordDetails.StoredObject::role).containsExactly(ObjectRole.ORIGINAL);
        assertThatThrownBy(() -> archive.accept(new IngestRequest("again.pdf", letter, null,
                Letters.metadata("402/UBND-VP", "Lần hai"), "luu-tru")))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.DUPLICATE_RECORD));

        RecordDetails done = await(accepted.id(), r -> r.state() != RecordState.ACCEPTED);
        assertThat(done.state()).isEqualTo(RecordState.ACTIVE);
        assertThat(done.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.VALID);
        assertThat(done.evidence().augmented()).isTrue();
        assertThat(done.metadata().signer()).isNotBlank();
        assertThat(done.objects()).extracting(RecordDetails.StoredObject::role)
                .contains(ObjectRole.ORIGINAL, ObjectRole.AUGMENTED, ObjectRole.VALIDATION, ObjectRole.MANIFEST);
        assertThat(done.history()).extracting(RecordDetails.HistoryEvent::kind).containsExactly("ACCEPTED", "INGEST");
        assertThat(archive.content(done.id()).content()).isEqualTo(letter);
        assertThat(archive.search(vn.kyso.archive.RecordQuery.text("chuyen giao ho so hang loat")).total())
                .isEqualTo(1);
    }

    @Test
    void aDetachedSignatureWithoutItsDataEndsFailedWithItsObjectsRemoved() throws Exception {
        byte[] data = ("bảng kê " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] p7s = ValidationFixture.signer().sign(new SignRequest(new Document("bang-ke.txt", data), "ubnd-binh-an",
                new SignOptions(SignatureFormat.CADES, SignatureLevel.B_B, Packaging.DETACHED, null, null, null, null,
                        null, null))).content();

        RecordDetails accepted = archive.accept(new IngestRequest("bang-ke.p7s", p7s, null,
                Letters.metadata("403/UBND-VP", "Chữ ký tách rời"), "luu-tru"));
        RecordDetails done = await(accepted.id(), r -> r.state() != RecordState.ACCEPTED);

        assertThat(done.state()).isEqualTo(RecordState.FAILED);
        assertThat(done.objects()).isEmpty();
        assertThat(done.history().get(done.history().size() - 1).outcome()).isEqualTo("FAILED");
        assertThat(store.list("records/" + done.id())).isEmpty();
        // A failed attempt does not block the same bytes coming back with their data.
        RecordDetails withData = archive.ingest(new IngestRequest("bang-ke.p7s", p7s, data,
                Letters.metadata("403/UBND-VP", "Chữ ký tách rời"), "luu-tru"));
        assertThat(withData.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.VALID);
        assertThat(withData.objects()).extracting(RecordDetails.StoredObject::role).contains(ObjectRole.SIGNED_DATA);
    }

    @Test
    void anOutageDuringTheBackgroundStepOnlyDelaysTheRecord() throws Exception {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        store.failAfterPuts(1);

        RecordDetails accepted = archive.accept(new IngestRequest("kq.pdf", letter, null,
                Letters.metadata("404/UBND-VP", "Kho lưu trữ tạm ngừng"), "luu-tru"));
        Eventually.until(Duration.ofSeconds(60), archive::backlog, backlog -> backlog == 0);
        assertThat(archive.record(accepted.id()).state()).isEqualTo(RecordState.ACCEPTED);
        long archivedBefore = archive.backgroundIngest().orElseThrow().archived();

        store.recover();
        archive.runJob(JobKind.RECOVERY);
        assertThat(archive.backgroundIngest().orElseThrow().archived()).as("counted once archived")
                .isEqualTo(archivedBefore + 1);

        RecordDetails done = archive.record(accepted.id());
        assertThat(done.state()).isEqualTo(RecordState.ACTIVE);
        assertThat(archive.content(done.id()).content()).isEqualTo(letter);
        assertThat(store.list("records/" + done.id())).hasSize(done.objects().size());
    }
    /**
     * A validation that times out in the background (its wait for a validation slot counts, and a bulk
     * ingest fills the slots) leaves the record accepted with its original, for recovery to try again;
     * it does not fail the record and delete what the client was told was accepted.
     */
    @Test
    void aValidationTimeoutInTheBackgroundLeavesTheRecordForRecovery() throws Exception {
        java.util.concurrent.atomic.AtomicInteger timeouts = new java.util.concurrent.atomic.AtomicInteger(1);
        vn.kyso.validation.ValidationService real = ValidationFixture.service();
        vn.kyso.validation.ValidationService slow = new vn.kyso.validation.ValidationService() {
            @Override
            public vn.kyso.validation.ValidationResult validate(vn.kyso.validation.ValidationRequest request) {
                if (timeouts.getAndDecrement() > 0) {
                    throw new vn.kyso.validation.ValidationException(
                            vn.kyso.validation.ValidationError.VALIDATION_TIMEOUT, "the validation did not finish");
                }
                return real.validate(request);
            }

            @Override
            public java.util.Optional<vn.kyso.validation.SignedFile> signedRevision(
                    vn.kyso.validation.SignedFile document, String signatureId) {
                return real.signedRevision(document, signatureId);
            }

            @Override
            public byte[] pdfReport(vn.kyso.validation.ValidationReport report, vn.kyso.validation.Language language) {
                return real.pdfReport(report, language);
            }
        };
        HikariDataSource own = ArchiveFixture.newDatabase("accepted_timeout");
        InMemoryObjectStore objects = new InMemoryObjectStore();
        try (PostgresArchiveService busy = new PostgresArchiveService(own, objects, slow, ValidationFixture.signer(),
                null, ArchiveSettings.defaults().withRecoveryGrace(Duration.ZERO), Clock.systemUTC()).start()) {
            byte[] letter = Letters.signed(SignatureLevel.B_B);
            RecordDetails accepted = busy.accept(new IngestRequest("kq.pdf", letter, null,
                    Letters.metadata("405/UBND-VP", "Kiểm tra quá giờ"), "luu-tru"));
            Eventually.until(Duration.ofSeconds(60), timeouts::get, left -> left <= 0);
            Eventually.until(Duration.ofSeconds(60), busy::backlog, backlog -> backlog == 0);

            RecordDetails waiting = busy.record(accepted.id());
            assertThat(waiting.state()).isEqualTo(RecordState.ACCEPTED);
            assertThat(waiting.objects()).extracting(RecordDetails.StoredObject::role)
                    .containsExactly(ObjectRole.ORIGINAL);
            assertThat(objects.list("records/" + waiting.id())).hasSize(1);

            busy.runJob(JobKind.RECOVERY);
            RecordDetails done = busy.record(accepted.id());
            assertThat(done.state()).isEqualTo(RecordState.ACTIVE);
            assertThat(done.validation().verdict()).isEqualTo(vn.kyso.validation.Verdict.VALID);
            assertThat(busy.content(done.id()).content()).isEqualTo(letter);
        } finally {
            own.close();
        }
    }
}
