package vn.kyso.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts of an edXML {@code MessageHeader} and of {@code TraceHeaderList/Bussiness} this service
 * reads and writes.
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
 * @param documentTypeCode {@code DocumentType/Type}, or null when the sender wrote none
 * @param content          {@code Content}, or null
 * @param signerPosition   {@code SignerInfo/Position}, or null
 * @param business         {@code Bussiness/BussinessDocType}; NEW when the message has no {@code Bussiness}
 * @param businessReason   {@code Bussiness/BussinessDocReason}, or null
 * @param businessDocumentId {@code Bussiness/DocumentId}: the letter a recall, update or replacement is
 *                         about; the message's own {@code DocumentId} when the sender wrote none
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
        List<String> toPlaces,
        Integer documentTypeCode,
        String content,
        String signerPosition,
        BusinessType business,
        String businessReason,
        String businessDocumentId) {

    public MessageHeader {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
        business = business == null ? BusinessType.NEW : business;
        businessDocumentId = businessDocumentId == null || businessDocumentId.isBlank() ? documentId
                : businessDocumentId.strip();
    }

    /** A new letter's header, without type code, content or signer position. */
    public MessageHeader(String documentId, Organ from, List<Organ> to, String codeNumber, String codeNotation,
            String place, LocalDate promulgationDate, String documentType, String subject, String signerFullName,
            LocalDate dueDate, Priority priority, List<String> toPlaces) {
        this(documentId, from, to, codeNumber, codeNotation, place, promulgationDate, documentType, subject,
                signerFullName, dueDate, priority, toPlaces, null, null, null, BusinessType.NEW, null, null);
    }

    /** Số và ký hiệu, e.g. {@code 123/UBND-VP}. */
    public String numberSymbol() {
        return codeNumber + "/" + codeNotation;
    }

    /** The same header for a recall, update or replacement of this letter. */
    public MessageHeader followUp(BusinessType type, String reason) {
        return new MessageHeader(documentId, from, to, codeNumber, codeNotation, place, promulgationDate,
                documentType, subject, signerFullName, dueDate, priority, toPlaces, documentTypeCode, content,
                signerPosition, type, reason, documentId);
    }
}
