package vn.kyso.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decree 30/2020 Appendix VI: the further fields, their lengths and lists, with codes in both languages. */
class AppendixViMetadataTest {

    static MetadataForm form(String issuer, String subject, String signer, String language, String pages) {
        return new MetadataForm("G09", "G09.2026.01", "123/QĐ-UBND", "2026-11-20", "Quyết định", issuer, subject,
                signer, language, pages, null, "public", null, "10", null);
    }

    static DescriptionForm description(String number, String notation, String position, String urgency,
            String secrecy, List<String> recipients, String arrivalDate, String arrivalNumber) {
        return new DescriptionForm(number, notation, position, urgency, secrecy, recipients, "12", "2026-12-15",
                "Bản chính", arrivalDate, arrivalNumber, arrivalNumber == null ? null : "Phòng Tài nguyên");
    }

    @Test
    void readsEveryAppendixViFieldAndSplitsTheNumberFromTheNotation() {
        RecordMetadata m = form("UBND tỉnh Bình An", "Về việc cấp phép", "Nguyễn Văn An", "Tiếng Việt", "3")
                .toMetadata(description(null, null, "Chủ tịch", "Thượng khẩn", "mật",
                        List.of("000.00.31.H09|Sở Tài nguyên và Môi trường", "UBND huyện Đông Sơn"), null, null));

        DocumentDescription d = m.description();
        assertThat(m.language()).isEqualTo("vi");
        assertThat(d.codeNumber()).isEqualTo("123");
        assertThat(d.codeNotation()).isEqualTo("QĐ-UBND");
        assertThat(d.signerPosition()).isEqualTo("Chủ tịch");
        assertThat(d.urgency()).isEqualTo(Urgency.VERY_URGENT);
        assertThat(d.urgency().code()).isEqualTo(2);
        assertThat(d.secrecy()).isEqualTo(Secrecy.CONFIDENTIAL);
        assertThat(d.recipients()).containsExactly(
                new DocumentDescription.Recipient("000.00.31.H09", "Sở Tài nguyên và Môi trường"),
                new DocumentDescription.Recipient(null, "UBND huyện Đông Sơn"));
        assertThat(d.issuedAmount()).isEqualTo(12);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(d.incoming()).isFalse();
    }

    @Test
    void anIncomingDocumentCarriesItsArrivalDateAndNumber() {
        RecordMetadata m = form("Bộ Nội vụ", "Về việc hướng dẫn", null, "vi", null)
                .toMetadata(description(null, null, null, "1", null, List.of(), "2026-11-22", "4521"));

        assertThat(m.description().incoming()).isTrue();
        assertThat(m.description().arrivalDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(m.description().arrivalNumber()).isEqualTo(4521L);
        assertThat(m.description().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(m.description().toPlaces()).isEqualTo("Phòng Tài nguyên");
    }

    @Test
    void theOldFormWithoutTheNewFieldsStillWorks() {
        RecordMetadata m = form("UBND tỉnh Bình An", "Về việc cấp phép", null, "vi", null).toMetadata();

        assertThat(m.description().codeNumber()).isEqualTo("123");
        assertThat(m.description().codeNotation()).isEqualTo("QĐ-UBND");
        assertThat(m.description().urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(m.description().secrecy()).isEqualTo(Secrecy.NONE);
    }

    @Test
    void lengthsAndListsOfTheAppendixAreRefusedWithStableCodesInBothLanguages() {
        MetadataForm bad = form("C".repeat(201), "S".repeat(501), "N".repeat(51), "xx", "1000");
        DescriptionForm worse = description("1".repeat(12), "K".repeat(31), "P".repeat(101), "rất gấp", "7",
                List.of("1234567890ABCD|Sở Y tế"), null, "99999999999");

        assertThatThrownBy(() -> bad.toMetadata(worse)).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.error()).isEqualTo(ArchiveError.METADATA_INVALID);
            assertThat(e.fieldErrors()).extracting(ArchiveException.FieldError::field, ArchiveException.FieldError::code)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("issuer", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("subject", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("signer", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("language", FieldRules.NOT_IN_LIST),
                            org.assertj.core.groups.Tuple.tuple("pageCount", FieldRules.NOT_A_NUMBER),
                            org.assertj.core.groups.Tuple.tuple("codeNumber", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("codeNotation", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("signerPosition", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("urgency", FieldRules.NOT_IN_LIST),
                            org.assertj.core.groups.Tuple.tuple("secrecy", FieldRules.NOT_IN_LIST),
                            org.assertj.core.groups.Tuple.tuple("recipients", FieldRules.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("arrivalNumber", FieldRules.NOT_A_NUMBER));
            assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("subject")).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("at most 500").contains("Appendix VI");
                assertThat(f.messageVi()).isEqualTo("Trích yếu nội dung dài quá 500 ký tự (Phụ lục VI Nghị định "
                        + "30/2020/NĐ-CP)");
            });
            assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("language")).singleElement()
                    .satisfies(f -> assertThat(f.messageVi()).startsWith("Ngôn ngữ phải là một trong"));
        });
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        RecordMetadata m = form("C".repeat(200), "S".repeat(500), "N".repeat(50), "en", "999")
                .toMetadata(description(null, null, "P".repeat(100), "hoa toc", "TOP_SECRET",
                        List.of("A".repeat(13) + "|" + "B".repeat(200)), null, null));
        DocumentDescription longest = new DocumentDescription("1".repeat(11), "K".repeat(30), null, null, null,
                List.of(), 999, null, "G".repeat(500), LocalDate.of(2026, 1, 2), 9_999_999_999L, "T".repeat(1000));

        assertThat(longest.codeNumber()).hasSize(11);
        assertThat(m.issuer()).hasSize(200);
        assertThat(m.description().urgency()).isEqualTo(Urgency.FLASH);
        assertThat(m.description().secrecy()).isEqualTo(Secrecy.TOP_SECRET);
    }

    @Test
    void aNumberAndNotationThatDisagreeWithTheNumberAndSymbolAreRefused() {
        assertThatThrownBy(() -> form("UBND", "Về việc", null, "vi", null)
                .toMetadata(description("124", "QĐ-UBND", null, null, null, List.of(), null, null)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.code()).isEqualTo(FieldRules.MISMATCH);
                            assertThat(f.messageVi()).contains("123/QĐ-UBND");
                        }));
    }

    @Test
    void anArrivalNumberWithoutItsDateIsRefused() {
        assertThatThrownBy(() -> form("UBND", "Về việc", null, "vi", null)
                .toMetadata(description(null, null, null, null, null, List.of(), null, "17")))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ArchiveException.FieldError::field, ArchiveException.FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("arrivalDate", FieldRules.REQUIRED)));
    }

    @Test
    void aFileFormNamesEveryFieldAtFault() {
        FileForm bad = new FileForm("G09", "000.00.31.H09.X", "20x6", "01/TCCB/" + "x".repeat(20), " ", "7",
                "04", "C".repeat(31), "klingon", "D".repeat(501));

        assertThatThrownBy(bad::toRequest).isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(
                e.fieldErrors()).extracting(ArchiveException.FieldError::field).containsExactlyInAnyOrder("organId",
                "year", "notation", "title", "retention", "rights", "creator", "language", "description"));

        OpenFileRequest ok = new FileForm("G09", "000.00.31.H09", "2024", "01/TCCB", "Hồ sơ tuyển dụng viên chức",
                "10", "02", "Trần Thị Bích", "Tiếng Việt", null).toRequest();
        assertThat(ok.fileCode()).isEqualTo("000.00.31.H09.2024.01/TCCB");
        assertThat(ok.rights()).isEqualTo(FileRights.CONDITIONAL);
        assertThat(ok.language()).isEqualTo("vi");
        // The API reads the action from the path's last segment: no notation may end like one.
        for (String ambiguous : List.of("01/package", "closure", "01/eark-package", "01/Records")) {
            assertThatThrownBy(() -> new FileForm("G09", "000.00.31.H09", "2024", ambiguous, "Hồ sơ", "10", "02",
                    "Trần Thị Bích", null, null).toRequest()).isInstanceOfSatisfying(ArchiveException.class,
                    e -> assertThat(e.fieldErrors()).extracting(ArchiveException.FieldError::field)
                            .containsExactly("notation"));
        }
    }
}
