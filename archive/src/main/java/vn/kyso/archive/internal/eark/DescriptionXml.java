package vn.kyso.archive.internal.eark;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.DocumentDescription;
import vn.kyso.archive.Languages;
import vn.kyso.archive.RecordMetadata;

/**
 * The descriptive metadata of a package: the fields of Decree 30/2020 Appendix VI, Part II under their
 * English names from the appendix (FileCode, CodeNumber, CodeNotation, OrganName, Subject, SignerInfo …),
 * the file (Part II, III) first when the package is a file. No official XML schema exists for them, so
 * METS names the type as OTHER / {@code ND30-2020-PL6}. Dates are ISO 8601 ({@code YYYY-MM-DD}).
 */
public final class DescriptionXml {

    /** The namespace of this description. */
    public static final String NS = "urn:kyso:nd30-2020:appendix-vi";

    private DescriptionXml() {
    }

    /** One document of the package. */
    public record Doc(String recordId, RecordMetadata metadata) {
    }

    public static byte[] write(ArchiveFile file, List<Doc> documents) {
        return CsipWriter.xml(w -> {
            w.writeStartElement("pl6", "AppendixVI", NS);
            w.writeNamespace("pl6", NS);
            if (file != null) {
                w.writeStartElement(NS, "File");
                fileCode(w, file.organId(), file.year(), file.notation(), file.fileCode());
                text(w, "Title", file.title());
                text(w, "Maintenance", file.retention().isPermanent() ? "Vĩnh viễn"
                        : file.retention().years() + " năm");
                text(w, "Rights", file.rights().nameVi());
                text(w, "Creator", file.creator());
                text(w, "Language", Languages.nameVi(file.language()).orElse(file.language()));
                text(w, "StartDate", file.startDate());
                text(w, "EndDate", file.endDate());
                text(w, "DocTotal", file.docTotal());
                text(w, "PageTotal", file.pageTotal());
                text(w, "Description", file.description());
                w.writeEndElement();
            }
            int ordinal = 0;
            for (Doc d : documents) {
                document(w, file, d, ++ordinal);
            }
            w.writeEndElement();
        });
    }

    private static void document(XMLStreamWriter w, ArchiveFile file, Doc doc, int ordinal)
            throws XMLStreamException {
        RecordMetadata m = doc.metadata();
        DocumentDescription d = m.description();
        w.writeStartElement(NS, d.incoming() ? "IncomingDocument" : "Document");
        w.writeAttribute("recordId", doc.recordId());
        w.writeStartElement(NS, "FileCode");
        if (file != null) {
            fileParts(w, file.organId(), file.year(), file.notation());
        }
        w.writeCharacters(m.fileCode());
        w.writeEndElement();
        text(w, "DocOrdinal", ordinal);
        text(w, "TypeName", m.documentType());
        text(w, "CodeNumber", d.codeNumber());
        text(w, "CodeNotation", d.codeNotation());
        text(w, "IssuedDate", m.documentDate());
        text(w, "OrganName", m.issuer());
        text(w, "Subject", m.subject());
        text(w, "Language", Languages.nameVi(m.language()).orElse(m.language()));
        text(w, "PageAmount", m.pageCount());
        text(w, "Description", d.note());
        if (d.incoming()) {
            text(w, "ArrivalDate", d.arrivalDate());
            text(w, "ArrivalNumber", d.arrivalNumber());
        }
        w.writeStartElement(NS, "SignerInfo");
        text(w, "Position", d.signerPosition());
        text(w, "FullName", m.signer());
        w.writeEndElement();
        for (DocumentDescription.Recipient r : d.recipients()) {
            w.writeStartElement(NS, "To");
            text(w, "OrganId", r.organId());
            text(w, "OrganName", r.organName());
            w.writeEndElement();
        }
        w.writeStartElement(NS, "Priority");
        w.writeAttribute("urgency", d.urgency().nameVi());
        w.writeAttribute("secrecy", d.secrecy().nameVi());
        w.writeCharacters(Integer.toString(d.urgency().code()));
        w.writeEndElement();
        if (d.incoming()) {
            text(w, "ToPlaces", d.toPlaces());
        }
        text(w, "IssuedAmount", d.issuedAmount());
        text(w, "DueDate", d.dueDate());
        text(w, "Maintenance", m.preservation().isPermanent() ? "Vĩnh viễn" : m.preservation().years() + " năm");
        text(w, "Rights", m.accessRegime().name());
        w.writeEndElement();
    }

    private static void fileCode(XMLStreamWriter w, String organId, int year, String notation, String code)
            throws XMLStreamException {
        w.writeStartElement(NS, "FileCode");
        fileParts(w, organId, year, notation);
        w.writeCharacters(code);
        w.writeEndElement();
    }

    private static void fileParts(XMLStreamWriter w, String organId, int year, String notation)
            throws XMLStreamException {
        w.writeAttribute("OrganId", organId);
        w.writeAttribute("FileCatalog", Integer.toString(year));
        w.writeAttribute("FileNotation", notation);
    }

    private static void text(XMLStreamWriter w, String element, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeStartElement(NS, element);
        w.writeCharacters(value.toString());
        w.writeEndElement();
    }
}
