package vn.kyso.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A file (hồ sơ) as Decree 30/2020 Appendix VI, Part II, III describes it. Its documents are the
 * records catalogued with its fond and file code; while it is open the totals and dates are counted
 * from them, when it is closed they are fixed. Retention counts from the end of the year it closed
 * (Circular 10/2022/TT-BNV), so its records' {@code disposableFrom} is set only when it closes.
 *
 * @param fondCode       mã phông
 * @param fileCode       FileCode: {@code organId.year.notation}
 * @param organId        OrganId (S13)
 * @param year           FileCatalog: the year the file was formed (N4)
 * @param notation       FileNotation (S20), may contain '/'
 * @param title          Title (S500)
 * @param retention      Maintenance: the file's preservation period
 * @param rights         Rights: access regime
 * @param creator        Creator (S30): who keeps the file
 * @param language       Language, ISO 639-1
 * @param state          OPEN or CLOSED
 * @param startDate      StartDate: the earliest document's date
 * @param endDate        EndDate: the latest document's date
 * @param docTotal       DocTotal (N4)
 * @param pageTotal      PageTotal (N4)
 * @param description    Description (S500)
 * @param openedAt       when it was opened
 * @param openedBy       who opened it
 * @param closedAt       when it was closed, or null
 * @param closedBy       who closed it, or null
 * @param closedYear     the year the matter ended, from which retention counts; null while open
 * @param disposableFrom the first day its documents may be put on a disposal list; null while open or
 *                       when kept permanently
 */
public record ArchiveFile(
        String fondCode,
        String fileCode,
        String organId,
        int year,
        String notation,
        String title,
        PreservationPeriod retention,
        FileRights rights,
        String creator,
        String language,
        String state,
        LocalDate startDate,
        LocalDate endDate,
        int docTotal,
        int pageTotal,
        String description,
        Instant openedAt,
        String openedBy,
        Instant closedAt,
        String closedBy,
        Integer closedYear,
        LocalDate disposableFrom) {

    public boolean isOpen() {
        return "OPEN".equals(state);
    }
}
