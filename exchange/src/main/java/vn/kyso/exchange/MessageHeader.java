package vn.kyso.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts of an edXML {@code MessageHeader} this service reads and writes.
 *
 * @param documentId       {@code DocumentId}
 * @param from             {@code From}
 * @param to               every {@code To}
 * @param codeNumber       {@code Code/CodeNumber}
 * @param codeNotation     {@code Code/CodeNotation}
 * @param place            {@code PromulgationInfo/Place}
 * @param promulgationDate {@code PromulgationInfo/PromulgationDate}
 * @param documentType     {@code DocumentType/TypeName}
 * @param subject          {@code Subject}
 * @param signerFullName   {@code SignerInfo/FullName}
 * @param dueDate          {@code DueDate}, or null
 * @param priority         {@code OtherInfo/Priority}
 * @param toPlaces         {@code ToPlaces/Place}
 */
public record MessageHeader(
        String documentId,
        Organ from,
        List<Organ> to,
        String codeNumber,
        String codeNotation,
        String place,
        LocalDate promulgationDate,
        String documentType,
        String subject,
        String signerFullName,
        LocalDate dueDate,
        Priority priority,
        List<String> toPlaces) {

    public MessageHeader {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
    }

    /** Số và ký hiệu, e.g. {@code 123/UBND-VP}. */
    public String numberSymbol() {
        return codeNumber + "/" + codeNotation;
    }
}
