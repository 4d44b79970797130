package vn.kyso.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Metadata that breaks the rules is refused with every field at fault listed once. */
class MetadataRulesTest {

    static MetadataForm form(String numberSymbol, String date, String preservation) {
        return new MetadataForm("G09", "G09.2026.01", numberSymbol, date, "Quyết định", "UBND tỉnh Bình An",
                "Về việc phê duyệt", null, "vi", null, "đất đai; xây dựng", "public", null, preservation, null);
    }

    @Test
    void acceptsAGoodForm() {
        RecordMetadata m = form("123/QĐ-UBND", "2026-11-20", "10 năm").toMetadata();
        assertThat(m.numberSymbol()).isEqualTo("123/QĐ-UBND");
        assertThat(m.preservation().years()).isEqualTo(10);
        assertThat(m.keywords()).containsExactly("đất đai", "xây dựng");
        assertThat(m.accessRegime()).isEqualTo(AccessRegime.PUBLIC);
        assertThat(m.preservation().endsAfter(m.documentDate())).isEqualTo(LocalDate.of(2037, 1, 1));
        assertThat(form("5/TB-UBND", "2026-01-02", "vĩnh viễn").toMetadata().preservation().isPermanent()).isTrue();
    }

    @Test
    void listsEveryFieldAtFaultAtOnce() {
        MetadataForm bad = new MetadataForm(" ", "G09/../x y", "", "20-11-2026", "", "UBND", "", null, "vietnamese",
                "zero", null, "secret", "maybe", "7 năm", "id with spaces");

        assertThatThrownBy(bad::toMetadata).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.error()).isEqualTo(ArchiveError.METADATA_INVALID);
            assertThat(e.fieldErrors()).extracting(ArchiveException.FieldError::field).containsExactlyInAnyOrder(
                    "fondCode", "fileCode", "numberSymbol", "documentDate", "documentType", "subject", "language",
                    "pageCount", "accessRegime", "confidenceLevel", "preservation", "documentId");
            assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("preservation")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("unknown preservation period").contains("70"));
            assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("documentDate")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("YYYY-MM-DD"));
        });
    }

    @Test
    void refusesMissingNumberDatesOutOfRangeAndMissingPeriod() {
        assertThatThrownBy(() -> form(null, "2026-11-20", "10").toMetadata())
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(new ArchiveException.FieldError("numberSymbol", "required")));
        assertThatThrownBy(() -> form("1/QĐ", "1900-01-01", "10").toMetadata())
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ArchiveException.FieldError::message).containsExactly("before 1945-09-02"));
        assertThatThrownBy(() -> form("1/QĐ", LocalDate.now().plusYears(1).toString(), "10").toMetadata())
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ArchiveException.FieldError::message).containsExactly("in the future"));
        assertThatThrownBy(() -> form("1/QĐ", "2026-02-30", null).toMetadata())
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ArchiveException.FieldError::field).containsExactly("documentDate", "preservation"));
    }
}
