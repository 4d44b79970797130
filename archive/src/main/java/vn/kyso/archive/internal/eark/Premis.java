package vn.kyso.archive.internal.eark;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * PREMIS 3.0 for a package: one object per content and documentation file (identifier = its path in
 * the package, SHA-256 fixity, size, format, original name), one event per history entry, one agent
 * per actor and the archive software itself.
 */
final class Premis {

    private static final String LOCAL = "local";
    static final String SOFTWARE_AGENT = "kyso-archive";

    private Premis() {
    }

    static byte[] write(CsipPackage p, Map<String, String> firstFile, Instant created) {
        return CsipWriter.xml(w -> {
            w.writeStartElement("premis", "premis", CsipWriter.PREMIS);
            w.writeNamespace("premis", CsipWriter.PREMIS);
            w.writeNamespace("xsi", CsipWriter.XSI);
            w.writeAttribute("version", "3.0");
            for (CsipPackage.Representation r : p.representations()) {
                for (CsipPackage.Item i : r.data()) {
                    object(w, "representations/" + CsipWriter.safe(r.name()) + "/data/" + CsipWriter.safe(i.name()), i);
                }
            }
            for (CsipPackage.Item i : p.documentation()) {
                object(w, "documentation/" + CsipWriter.safe(i.name()), i);
            }
            Set<String> agents = new LinkedHashSet<>();
            agents.add(SOFTWARE_AGENT);
            for (CsipPackage.PremisEvent e : p.events()) {
                agents.add(e.agent() == null ? SOFTWARE_AGENT : e.agent());
                event(w, e, e.object() == null ? null : firstFile.get(e.object()));
            }
            event(w, new CsipPackage.PremisEvent("package-created", "PACKAGE_CREATION", created, "OK",
                    "E-ARK CSIP package " + p.objid() + " written", SOFTWARE_AGENT, null), null);
            for (String a : agents) {
                agent(w, a);
            }
            w.writeEndElement();
        });
    }

    private static void object(XMLStreamWriter w, String path, CsipPackage.Item i) throws XMLStreamException {
        w.writeStartElement(CsipWriter.PREMIS, "object");
        w.writeAttribute("xsi", CsipWriter.XSI, "type", "premis:file");
        w.writeStartElement(CsipWriter.PREMIS, "objectIdentifier");
        text(w, "objectIdentifierType", LOCAL);
        text(w, "objectIdentifierValue", path);
        w.writeEndElement();
        w.writeStartElement(CsipWriter.PREMIS, "objectCharacteristics");
        text(w, "compositionLevel", "0");
        w.writeStartElement(CsipWriter.PREMIS, "fixity");
        text(w, "messageDigestAlgorithm", "SHA-256");
        text(w, "messageDigest", CsipWriter.sha256(i.content()));
        w.writeEndElement();
        text(w, "size", Long.toString(i.content().length));
        w.writeStartElement(CsipWriter.PREMIS, "format");
        w.writeStartElement(CsipWriter.PREMIS, "formatDesignation");
        text(w, "formatName", i.mediaType());
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        if (i.originalName() != null) {
            text(w, "originalName", i.originalName());
        }
        w.writeEndElement();
    }

    private static void event(XMLStreamWriter w, CsipPackage.PremisEvent e, String objectPath)
            throws XMLStreamException {
        w.writeStartElement(CsipWriter.PREMIS, "event");
        w.writeStartElement(CsipWriter.PREMIS, "eventIdentifier");
        text(w, "eventIdentifierType", LOCAL);
        text(w, "eventIdentifierValue", e.id());
        w.writeEndElement();
        text(w, "eventType", e.type());
        text(w, "eventDateTime", e.at().toString());
        if (e.detail() != null) {
            w.writeStartElement(CsipWriter.PREMIS, "eventDetailInformation");
            text(w, "eventDetail", e.detail());
            w.writeEndElement();
        }
        w.writeStartElement(CsipWriter.PREMIS, "eventOutcomeInformation");
        text(w, "eventOutcome", e.outcome());
        w.writeEndElement();
        w.writeStartElement(CsipWriter.PREMIS, "linkingAgentIdentifier");
        text(w, "linkingAgentIdentifierType", LOCAL);
        text(w, "linkingAgentIdentifierValue", e.agent() == null ? SOFTWARE_AGENT : e.agent());
        w.writeEndElement();
        if (objectPath != null) {
            w.writeStartElement(CsipWriter.PREMIS, "linkingObjectIdentifier");
            text(w, "linkingObjectIdentifierType", LOCAL);
            text(w, "linkingObjectIdentifierValue", objectPath);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void agent(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement(CsipWriter.PREMIS, "agent");
        w.writeStartElement(CsipWriter.PREMIS, "agentIdentifier");
        text(w, "agentIdentifierType", LOCAL);
        text(w, "agentIdentifierValue", name);
        w.writeEndElement();
        text(w, "agentName", name);
        text(w, "agentType", name.equals(SOFTWARE_AGENT) || name.equals("system") ? "software" : "person");
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(CsipWriter.PREMIS, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }

}
