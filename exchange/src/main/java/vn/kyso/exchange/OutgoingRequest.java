package vn.kyso.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An issued letter to send to other agencies.
 *
 * @param from             the sending agency; it must be one this service signs for
 * @param to               the receiving agencies, at least one
 * @param codeNumber       số, e.g. {@code 123}
 * @param codeNotation     ký hiệu, e.g. {@code UBND-VP}
 * @param place            nơi ban hành, e.g. {@code Bình An}
 * @param promulgationDate ngày ban hành
 * @param documentType     tên loại văn bản, e.g. {@code Công văn}
 * @param subject          trích yếu
 * @param content          nội dung tóm tắt, or null for the subject
 * @param signerFullName   người ký, or null to take the first signer of the first attachment
 * @param signerPosition   chức vụ người ký, or null
 * @param dueDate          hạn xử lý, or null
 * @param priority         độ khẩn, null for NORMAL
 * @param toPlaces         nơi nhận as printed on the letter; empty for the receivers' names
 * @param attachments      the signed files, the letter first
 * @param keyAlias         the sending agency's specialised key, or null for the one configured for it
 */
public record OutgoingRequest(
        Organ from,
        List<Organ> to,
        String codeNumber,
        String codeNotation,
        String place,
        LocalDate promulgationDate,
        String documentType,
        String subject,
        String content,
        String signerFullName,
        String signerPosition,
        LocalDate dueDate,
        Priority priority,
        List<String> toPlaces,
        List<Attachment> attachments,
        String keyAlias) {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}");
    private static final Pattern NOTATION = Pattern.compile("[\\p{L}\\p{N}./-]{1,60}");

    public OutgoingRequest {
        Objects.requireNonNull(from, "from");
        to = to == null ? List.of() : List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        toPlaces = toPlaces == null ? List.of() : toPlaces.stream().filter(p -> p != null && !p.isBlank())
                .map(String::strip).toList();
        codeNumber = strip(codeNumber);
        codeNotation = strip(codeNotation);
        place = strip(place);
        documentType = strip(documentType);
        subject = strip(subject);
        content = strip(content);
        signerFullName = strip(signerFullName);
        signerPosition = strip(signerPosition);
        keyAlias = strip(keyAlias);
        priority = priority == null ? Priority.NORMAL : priority;
        if (to.isEmpty()) {
            throw new IllegalArgumentException("at least one receiver is required");
        }
        if (to.size() > 100) {
            throw new IllegalArgumentException("at most 100 receivers");
        }
        if (attachments.isEmpty()) {
            throw new IllegalArgumentException("at least one signed file is required");
        }
        if (attachments.size() > 50) {
            throw new IllegalArgumentException("at most 50 attachments");
        }
        if (codeNumber == null || !NUMBER.matcher(codeNumber).matches()) {
            throw new IllegalArgumentException("codeNumber must be 1 to 7 digits");
        }
        if (codeNotation == null || !NOTATION.matcher(codeNotation).matches()) {
            throw new IllegalArgumentException("codeNotation must be 1-60 letters, digits, '.', '/' or '-'");
        }
        if (promulgationDate == null) {
            throw new IllegalArgumentException("promulgationDate is required");
        }
        // Checked here, in the constructor itself: the API shows a constructor's message to the client.
        String problem = firstNonNull(
                required("place", place, 200),
                required("documentType", documentType, 100),
                required("subject", subject, 2000),
                optional("content", content, 10_000),
                optional("signerFullName", signerFullName, 200),
                optional("signerPosition", signerPosition, 200));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (dueDate != null && dueDate.isBefore(promulgationDate)) {
            throw new IllegalArgumentException("dueDate must not be before promulgationDate");
        }
    }

    private static String required(String field, String value, int max) {
        return value == null ? field + " is required" : optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            return field + " must be at most " + max + " characters";
        }
        if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return field + " contains control characters";
        }
        return null;
    }

    private static String firstNonNull(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
