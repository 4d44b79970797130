package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;

/**
 * Disposal by two people (issue #14): one archivist draws the list up, a second of the same organisation
 * approves it under a numbered decision; the proposer approving their own list, an approver of another
 * organisation and an approval without a decision are refused, each with its own code, and nothing is
 * disposed by a refused approval. The decision is kept on the list, in the database and in each record's
 * history.
 */
class DisposalApprovalTest {

    static final String ORG = "000.00.00.H99";

    static HikariDataSource db;
    static PostgresArchiveService archive;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("disposal_approval");
        archive = ArchiveFixture.service(db, new InMemoryObjectStore());
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    @Test
    void aSecondArchivistOfTheSameOrganisationApprovesUnderADecision() {
        RecordDetails old = archive.ingest(new IngestRequest("401.pdf", Letters.signed(SignatureLevel.B_LTA), null,
                Letters.metadata("401/UBND-VP", "Hồ sơ hết giá trị", LocalDate.of(2015, 3, 2),
                        PreservationPeriod.ofYears(5), null), "van-thu"));
        DisposalList list = archive.proposeDisposal(LocalDate.now(), "luu-tru-a", ORG);
        assertThat(list.organisation()).isEqualTo(ORG);
        assertThat(list.items()).extracting(DisposalList.Item::recordId).contains(old.id());

        // The proposer may not approve their own list, with or without a decision.
        assertThatThrownBy(() -> archive.approveDisposal(list.id(),
                new DisposalApproval("luu-tru-a", ORG, "20/QĐ-UBND", LocalDate.of(2026, 12, 1))))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.error()).isEqualTo(ArchiveError.DISPOSAL_SAME_PERSON);
                    assertThat(e.getMessage()).contains("không được tự phê duyệt").contains("a second person must");
                });
        // Nor an archivist of another organisation.
        assertThatThrownBy(() -> archive.approveDisposal(list.id(),
                new DisposalApproval("luu-tru-khac", "000.00.00.G01", "20/QĐ-UBND", LocalDate.of(2026, 12, 1))))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.DISPOSAL_OTHER_ORGANISATION));
        // An approval names its decision.
        assertThatThrownBy(() -> new DisposalApproval("truong-phong", ORG, " ", LocalDate.of(2026, 12, 1)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.DISPOSAL_DECISION_INVALID));
        assertThatThrownBy(() -> new DisposalApproval("truong-phong", ORG, "20/QĐ-UBND", null))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.DISPOSAL_DECISION_INVALID));
        // Refused approvals disposed of nothing.
        assertThat(archive.record(old.id()).state()).isEqualTo(RecordState.ACTIVE);
        assertThat(archive.disposalLists()).filteredOn(l -> l.id() == list.id()).singleElement()
                .satisfies(l -> assertThat(l.state()).isEqualTo(DisposalList.State.PROPOSED));

        DisposalList done = archive.approveDisposal(list.id(),
                new DisposalApproval("truong-phong", ORG, "20/QĐ-UBND", LocalDate.of(2026, 12, 1)));

        assertThat(done.state()).isEqualTo(DisposalList.State.DISPOSED);
        assertThat(done.createdBy()).isEqualTo("luu-tru-a");
        assertThat(done.approvedBy()).isEqualTo("truong-phong");
        assertThat(done.decisionNumber()).isEqualTo("20/QĐ-UBND");
        assertThat(done.decisionDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        RecordDetails tombstone = archive.record(old.id());
        assertThat(tombstone.state()).isEqualTo(RecordState.DISPOSED);
        assertThat(tombstone.history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("DISPOSAL_PROPOSED");
            assertThat(e.actor()).isEqualTo("luu-tru-a");
        }).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("DISPOSAL");
            assertThat(e.actor()).isEqualTo("truong-phong");
            assertThat(e.detail()).contains("decision 20/QĐ-UBND of 2026-12-01").contains("proposed by luu-tru-a");
        });
        // The database itself refuses an approved list without a decision or approved by its proposer.
        JdbcClient sql = JdbcClient.create(db);
        assertThat(sql.sql("select decision_number from disposal_list where id = ?").param(done.id())
                .query(String.class).single()).isEqualTo("20/QĐ-UBND");
        assertThatThrownBy(() -> sql.sql("update disposal_list set approved_by = created_by where id = ?")
                .param(done.id()).update()).hasMessageContaining("disposal_list_second_person");
        assertThatThrownBy(() -> sql.sql("update disposal_list set decision_number = null where id = ?")
                .param(done.id()).update()).hasMessageContaining("disposal_list_decided");
    }
}
