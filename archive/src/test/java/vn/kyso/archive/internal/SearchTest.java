package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.RecordSummary;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;

/** Catalogue search in real PostgreSQL: Vietnamese with and without diacritics, filters, paging. */
class SearchTest {

    static HikariDataSource db;
    static PostgresArchiveService archive;

    @BeforeAll
    static void ingest() {
        db = ArchiveFixture.newDatabase("search");
        archive = ArchiveFixture.service(db, new InMemoryObjectStore());
        add("101/QĐ-UBND", "Quyết định phê duyệt quy hoạch sử dụng đất huyện Đông Sơn", "2025-03-10");
        add("102/UBND-VP", "Về việc cấp giấy phép xây dựng trường học", "2026-05-04");
        add("103/TB-UBND", "Thông báo lịch tiếp công dân tháng 6", "2026-06-01");
        add("104/UBND-VP", "Về việc đăng ký đất đai lần đầu", "2026-07-15");
    }

    static void add(String number, String subject, String date) {
        archive.ingest(new IngestRequest(number.replace('/', '-') + ".pdf", Letters.signed(SignatureLevel.B_LTA), null,
                Letters.metadata(number, subject, LocalDate.parse(date), PreservationPeriod.ofYears(20), null),
                "luu-tru"));
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static List<String> numbers(RecordPage page) {
        return page.items().stream().map(RecordSummary::numberSymbol).toList();
    }

    @Test
    void matchesWithAndWithoutDiacritics() {
        assertThat(numbers(archive.search(RecordQuery.text("quy hoạch")))).containsExactly("101/QĐ-UBND");
        assertThat(numbers(archive.search(RecordQuery.text("quy hoach")))).containsExactly("101/QĐ-UBND");
        assertThat(numbers(archive.search(RecordQuery.text("dong son")))).containsExactly("101/QĐ-UBND");
        assertThat(numbers(archive.search(RecordQuery.text("ĐÔNG SƠN")))).containsExactly("101/QĐ-UBND");
        assertThat(numbers(archive.search(RecordQuery.text("giay phep xay dung")))).containsExactly("102/UBND-VP");
        // By number and symbol, and by the keywords every letter carries.
        assertThat(numbers(archive.search(RecordQuery.text("103/TB-UBND")))).containsExactly("103/TB-UBND");
        assertThat(archive.search(RecordQuery.text("cap phep")).total()).isEqualTo(4);
    }

    @Test
    void ranksTheExactDiacriticsAboveFoldedMatches() {
        // "đất" (land) and "dat" fold alike; typed with marks, the letters that say "đất" come first.
        List<String> hits = numbers(archive.search(RecordQuery.text("\"đăng ký đất\"")));
        assertThat(hits).containsExactly("104/UBND-VP");
        // Every letter carries the keyword "đất đai"; only 101 is about "quy hoạch".
        assertThat(numbers(archive.search(RecordQuery.text("\"đất đai\" -\"quy hoạch\""))))
                .containsExactlyInAnyOrder("102/UBND-VP", "103/TB-UBND", "104/UBND-VP");
    }

    @Test
    void filtersAndPages() {
        RecordQuery since2026 = new RecordQuery(null, "G09", "G09.2026.01", "công văn", "Bình An",
                LocalDate.of(2026, 1, 1), null, "VALID", 0, 2);
        RecordPage first = archive.search(since2026);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).hasSize(2);
        RecordPage second = archive.search(new RecordQuery(null, "G09", "G09.2026.01", "công văn", "Bình An",
                LocalDate.of(2026, 1, 1), null, "VALID", 1, 2));
        assertThat(second.items()).hasSize(1);
        assertThat(numbers(first)).doesNotContainAnyElementsOf(numbers(second)).doesNotContain("101/QĐ-UBND");
        assertThat(archive.search(new RecordQuery(null, "OTHER", null, null, null, null, null, null, 0, 10)).total())
                .isZero();
        // Characters that mean something to SQL or to tsquery are just text.
        assertThat(archive.search(RecordQuery.text("'; drop table record; -- & | ! :*")).total()).isZero();
        assertThat(archive.search(new RecordQuery(null, null, null, null, "%", null, null, null, 0, 10)).total())
                .isZero();
    }

    @Test
    void refusesBadQueries() {
        assertThatThrownBy(() -> new RecordQuery(null, null, null, null, null, null, null, null, -1, 10))
                .isInstanceOf(ArchiveException.class);
        assertThatThrownBy(() -> new RecordQuery(null, null, null, null, null, null, null, null, 0, 1000))
                .isInstanceOf(ArchiveException.class);
        assertThatThrownBy(() -> new RecordQuery(null, null, null, null, null, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), null, 0, 10)).isInstanceOf(ArchiveException.class);
        assertThatThrownBy(() -> new RecordQuery(null, null, null, null, null, null, null, "GOOD", 0, 10))
                .isInstanceOf(ArchiveException.class);
    }
}
