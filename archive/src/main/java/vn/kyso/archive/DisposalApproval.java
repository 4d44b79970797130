package vn.kyso.archive;

import java.time.LocalDate;

/**
 * The second person's approval of a disposal list, with the decision that orders the disposal (quyết định
 * hủy tài liệu hết giá trị, signed by the head of the organisation).
 *
 * @param approver       who approves: never the person who drew the list up
 * @param organisation   the organisation the approver acts for; null only without access control
 * @param decisionNumber the decision's number and symbol (số, ký hiệu), e.g. {@code 15/QĐ-UBND}
 * @param decisionDate   the decision's date
 */
public record DisposalApproval(String approver, String organisation, String decisionNumber, LocalDate decisionDate) {

    /** Longer than any number and symbol of Decree 30; a bound for what is stored. */
    public static final int MAX_DECISION_NUMBER = 64;

    public DisposalApproval {
        if (approver == null || approver.isBlank()) {
            throw new IllegalArgumentException("an approval names its approver");
        }
        approver = approver.strip();
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        decisionNumber = decisionNumber == null ? null : decisionNumber.strip();
        if (decisionNumber == null || decisionNumber.isEmpty() || decisionNumber.length() > MAX_DECISION_NUMBER
                || decisionDate == null) {
            throw new ArchiveException(ArchiveError.DISPOSAL_DECISION_INVALID, "Phê duyệt danh mục hủy cần số và "
                    + "ngày của quyết định hủy (số tối đa " + MAX_DECISION_NUMBER + " ký tự) / the approval needs the "
                    + "decision's number (at most " + MAX_DECISION_NUMBER + " characters) and date");
        }
    }
}
