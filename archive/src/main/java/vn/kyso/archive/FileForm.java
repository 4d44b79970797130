package vn.kyso.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.kyso.archive.ArchiveException.FieldError;

/**
 * Opening a file (hồ sơ): the fields of Appendix VI, Part II, III as a client sends them. {@link
 * #toRequest()} checks all of them and reports every field at fault at once.
 *
 * @param fondCode    mã phông, as for records
 * @param organId     OrganId, at most 13 letters, digits or '.'
 * @param year        FileCatalog, the year the file is formed
 * @param notation    FileNotation, at most 20 characters, '/' allowed
 * @param title       Title, at most 500
 * @param retention   Maintenance: {@code permanent} or a number of years
 * @param rights      Rights: {@code public}/{@code conditional}/{@code secret}, the codes 01-03 or the
 *                    Vietnamese name
 * @param creator     Creator, at most 30
 * @param language    Language, ISO 639-1 code or Vietnamese name (default {@code vi})
 * @param description Description, at most 500
 */
public record FileForm(String fondCode, String organId, String year, String notation, String title,
        String retention, String rights, String creator, String language, String description) {

    private static final Pattern FOND = Pattern.compile("[\\p{L}\\p{N}._-]{1,40}");
    private static final Pattern ORGAN_ID = Pattern.compile("[A-Za-z0-9.]{1,13}");
    private static final Pattern NOTATION = Pattern.compile("[\\p{L}\\p{N}./_-]{1,20}");

    /**
     * A checked request to open the file.
     *
     * @throws ArchiveException {@link ArchiveError#METADATA_INVALID} listing every field at fault
     */
    public OpenFileRequest toRequest() {
        List<FieldError> e = new ArrayList<>();
        String fond = FieldRules.blank(fondCode);
        if (fond == null) {
            e.add(FieldRules.required("fondCode", "Mã phông"));
        } else if (!FOND.matcher(fond).matches()) {
            e.add(new FieldError("fondCode", "letters, digits, '.', '_' or '-', at most 40", FieldRules.INVALID,
                    "Mã phông chỉ gồm chữ, số, '.', '_', '-', tối đa 40 ký tự"));
        }
        String organ = FieldRules.blank(organId);
        if (organ == null) {
            e.add(FieldRules.required("organId", "Mã định danh của cơ quan, tổ chức"));
        } else if (organ.length() > 13) {
            FieldRules.maxLength(e, "organId", "Mã định danh của cơ quan, tổ chức", organ, 13);
        } else if (!ORGAN_ID.matcher(organ).matches()) {
            e.add(new FieldError("organId", "letters, digits or '.'", FieldRules.INVALID,
                    "Mã định danh chỉ gồm chữ, số và dấu chấm"));
        }
        Long y = FieldRules.number(e, "year", "Năm hình thành hồ sơ", year, 4, RecordMetadata.EARLIEST.getYear());
        if (year == null || year.isBlank()) {
            e.add(FieldRules.required("year", "Năm hình thành hồ sơ"));
        } else if (y != null && y > LocalDate.now(java.time.ZoneOffset.ofHours(7)).getYear()) {
            e.add(new FieldError("year", "in the future", FieldRules.INVALID, "Năm hình thành hồ sơ ở tương lai"));
        }
        String note = FieldRules.blank(notation);
        if (note == null) {
            e.add(FieldRules.required("notation", "Số và ký hiệu hồ sơ"));
        } else if (note.length() > 20) {
            FieldRules.maxLength(e, "notation", "Số và ký hiệu hồ sơ", note, 20);
        } else if (!NOTATION.matcher(note).matches() || note.contains("..") || note.startsWith("/")
                || note.endsWith("/") || note.contains("//")
                // The API reads the action from the path's last segment (FilesController): never a notation's.
                || note.matches("(?i)(.*/)?(package|eark-package|closure|records)")) {
            e.add(new FieldError("notation", "letters, digits, '.', '/', '_' or '-'", FieldRules.INVALID,
                    "Số và ký hiệu hồ sơ chỉ gồm chữ, số, '.', '/', '_', '-'"));
        }
        String t = FieldRules.blank(title);
        if (t == null) {
            e.add(FieldRules.required("title", "Tiêu đề hồ sơ"));
        }
        FieldRules.maxLength(e, "title", "Tiêu đề hồ sơ", t, 500);
        PreservationPeriod period = null;
        if (FieldRules.blank(retention) == null) {
            e.add(FieldRules.required("retention", "Thời hạn bảo quản"));
        } else {
            try {
                period = PreservationPeriod.parse(retention);
            } catch (IllegalArgumentException x) {
                e.add(FieldRules.notInList("retention", "Thời hạn bảo quản", List.of("permanent", "70", "50", "30",
                        "25", "20", "15", "10", "5", "2")));
            }
        }
        FileRights r = rights(e);
        String c = FieldRules.blank(creator);
        if (c == null) {
            e.add(FieldRules.required("creator", "Người lập hồ sơ"));
        }
        FieldRules.maxLength(e, "creator", "Người lập hồ sơ", c, 30);
        String lang = FieldRules.blank(language) == null ? "vi" : Languages.code(language).orElse(null);
        if (lang == null) {
            e.add(FieldRules.notInList("language", "Ngôn ngữ", Languages.codes()));
        }
        String d = FieldRules.blank(description);
        FieldRules.maxLength(e, "description", "Ghi chú", d, 500);
        if (!e.isEmpty()) {
            throw ArchiveException.invalidMetadata(e);
        }
        return new OpenFileRequest(fond, organ, y.intValue(), note, t, period, r, c, lang, d);
    }

    private FileRights rights(List<FieldError> e) {
        String v = FieldRules.blank(rights);
        if (v == null) {
            e.add(FieldRules.required("rights", "Chế độ sử dụng"));
            return null;
        }
        for (FileRights r : FileRights.values()) {
            if (r.name().equalsIgnoreCase(v) || r.code().equals(v) || r.nameVi().equalsIgnoreCase(v)) {
                return r;
            }
        }
        e.add(FieldRules.notInList("rights", "Chế độ sử dụng", Arrays.stream(FileRights.values())
                .map(x -> x.name().toLowerCase(Locale.ROOT)).toList()));
        return null;
    }
}
