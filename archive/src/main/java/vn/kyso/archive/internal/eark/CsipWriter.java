package vn.kyso.archive.internal.eark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CsipPackage} as an E-ARK CSIP 2.2 information package in a ZIP (CSIPSTR3) that
 * unpacks to one root folder named after the package (CSIPSTR1, CSIPSTR2):
 * <pre>
 * root/METS.xml                                   package METS (CSIPSTR4)
 * root/metadata/descriptive/nd30-appendix-vi.xml  Decree 30 Appendix VI description (CSIPSTR7)
 * root/metadata/preservation/premis.xml           PREMIS 3 objects, events, agents (CSIPSTR6)
 * root/representations/NAME/METS.xml              one per representation (CSIPSTR12)
 * root/representations/NAME/data/…               the content (CSIPSTR11)
 * root/documentation/…                            validation reports, manifests
 * root/schemas/…                                  every XML schema used (CSIPSTR15)
 * </pre>
 * Every file is referenced with its size, creation time and SHA-256, as CSIP requires.
 */
public final class CsipWriter {

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String PREMIS = "http://www.loc.gov/premis/v3";
    /** The CSIP profile the package METS declares (CSIP6). */
    public static final String PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml";
    /** Content category from the CSIP vocabulary (CSIP2). */
    static final String CONTENT_CATEGORY = "Textual works – Digital";
    static final String DESCRIPTIVE = "metadata/descriptive/nd30-appendix-vi.xml";
    static final String PREMIS_FILE = "metadata/preservation/premis.xml";
    static final List<String> SCHEMAS = List.of("mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd",
            "premis-v3-0.xsd");
    private static final String SCHEMA_LOCATION = "http://www.loc.gov/METS/ schemas/mets.xsd "
            + "http://www.w3.org/1999/xlink schemas/xlink.xsd "
            + "https://DILCIS.eu/XML/METS/CSIPExtensionMETS schemas/DILCISExtensionMETS.xsd";

    private CsipWriter() {
    }

    /** A name usable as a folder or file name in any file system and as a URL path segment. */
    public static String safe(String name) {
        String n = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "_" + n : n;
    }

    /** The ZIP of the package. */
    public static byte[] write(CsipPackage p) {
        String root = safe(p.objid()) + "/";
        Instant created = p.created().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Entry> files = new LinkedHashMap<>();
        files.put(DESCRIPTIVE, new Entry(p.descriptive(), "application/xml", created));
        List<String> repMets = new ArrayList<>();
        List<CsipPackage.PremisEvent> events = p.events();
        Map<String, String> firstFile = new LinkedHashMap<>();
        for (CsipPackage.Representation r : p.representations()) {
            String dir = "representations/" + safe(r.name()) + "/";
            for (CsipPackage.Item i : r.data()) {
                files.put(dir + "data/" + safe(i.name()), new Entry(i.content(), i.mediaType(), created(i, created)));
                firstFile.putIfAbsent(r.name(), dir + "data/" + safe(i.name()));
            }
        }
        for (CsipPackage.Item i : p.documentation()) {
            files.put("documentation/" + safe(i.name()), new Entry(i.content(), i.mediaType(), created(i, created)));
        }
        files.put(PREMIS_FILE, new Entry(Premis.write(p, firstFile, created), "application/xml", created));
        for (CsipPackage.Representation r : p.representations()) {
            String dir = "representations/" + safe(r.name()) + "/";
            byte[] mets = representationMets(p, r, dir, files, created);
            files.put(dir + "METS.xml", new Entry(mets, "application/xml", created));
            repMets.add(dir + "METS.xml");
        }
        for (String s : SCHEMAS) {
            files.put("schemas/" + s, new Entry(schema(s), "application/xml", created));
        }
        byte[] mets = packageMets(p, files, repMets, created);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, root + "METS.xml", mets);
            for (Map.Entry<String, Entry> f : files.entrySet()) {
                put(zip, root + f.getKey(), f.getValue().content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    record Entry(byte[] content, String mediaType, Instant created) {
    }

    private static Instant created(CsipPackage.Item i, Instant fallback) {
        return i.created() == null ? fallback : i.created().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] schema(String name) {
        try (InputStream in = CsipWriter.class.getResourceAsStream("schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- package METS

    private static byte[] packageMets(CsipPackage p, Map<String, Entry> files, List<String> repMets,
            Instant created) {
        return xml(w -> {
            root(w, p.objid(), p.label(), created, p.softwareVersion());
            // Descriptive metadata (CSIP17-30).
            w.writeStartElement(METS, "dmdSec");
            w.writeAttribute("ID", "dmd-appendix-vi");
            w.writeAttribute("CREATED", created.toString());
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, DESCRIPTIVE, files.get(DESCRIPTIVE), "OTHER", "ND30-2020-PL6");
            w.writeEndElement();
            // Preservation metadata (CSIP31-44): one digiprovMD for the PREMIS file.
            w.writeStartElement(METS, "amdSec");
            w.writeStartElement(METS, "digiprovMD");
            w.writeAttribute("ID", "digiprov-premis");
            w.writeAttribute("CREATED", created.toString());
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, PREMIS_FILE, files.get(PREMIS_FILE), "PREMIS", null);
            w.writeEndElement();
            w.writeEndElement();
            // File section (CSIP58-79).
            w.writeStartElement(METS, "fileSec");
            w.writeAttribute("ID", "filesec");
            fileGroup(w, "Documentation", "grp-documentation", files, "documentation/");
            fileGroup(w, "Schemas", "grp-schemas", files, "schemas/");
            int n = 0;
            for (String rep : repMets) {
                String folder = rep.substring(0, rep.length() - "/METS.xml".length());
                w.writeStartElement(METS, "fileGrp");
                w.writeAttribute("USE", "Representations/" + folder.substring("representations/".length()));
                w.writeAttribute("ID", "grp-rep-" + (++n));
                file(w, "file-rep-mets-" + n, rep, files.get(rep));
                w.writeEndElement();
            }
            w.writeEndElement();
            // Structural map (CSIP80-119).
            w.writeStartElement(METS, "structMap");
            w.writeAttribute("ID", "structmap-csip");
            w.writeAttribute("TYPE", "PHYSICAL");
            w.writeAttribute("LABEL", "CSIP");
            w.writeStartElement(METS, "div");
            w.writeAttribute("ID", "div-package");
            w.writeAttribute("LABEL", p.objid());
            w.writeStartElement(METS, "div");
            w.writeAttribute("ID", "div-metadata");
            w.writeAttribute("LABEL", "Metadata");
            w.writeAttribute("DMDID", "dmd-appendix-vi");
            w.writeAttribute("ADMID", "digiprov-premis");
            w.writeEndElement();
            division(w, "div-documentation", "Documentation", "grp-documentation");
            division(w, "div-schemas", "Schemas", "grp-schemas");
            n = 0;
            for (String rep : repMets) {
                n++;
                String folder = rep.substring(0, rep.length() - "/METS.xml".length());
                w.writeStartElement(METS, "div");
                w.writeAttribute("ID", "div-rep-" + n);
                w.writeAttribute("LABEL", "Representations/" + folder.substring("representations/".length()));
                w.writeStartElement(METS, "mptr");
                w.writeAttribute("LOCTYPE", "URL");
                w.writeAttribute("xlink", XLINK, "type", "simple");
                w.writeAttribute("xlink", XLINK, "href", rep);
                w.writeAttribute("xlink", XLINK, "title", "grp-rep-" + n);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static byte[] representationMets(CsipPackage p, CsipPackage.Representation r, String dir,
            Map<String, Entry> files, Instant created) {
        return xml(w -> {
            root(w, p.objid() + "/" + r.name(), p.label() + ", representation " + r.name(), created,
                    p.softwareVersion());
            w.writeStartElement(METS, "fileSec");
            w.writeAttribute("ID", "filesec");
            w.writeStartElement(METS, "fileGrp");
            w.writeAttribute("USE", "Data");
            w.writeAttribute("ID", "grp-data");
            int n = 0;
            for (CsipPackage.Item i : r.data()) {
                String path = dir + "data/" + safe(i.name());
                file(w, "file-data-" + (++n), path.substring(dir.length()), files.get(path));
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(METS, "structMap");
            w.writeAttribute("ID", "structmap-csip");
            w.writeAttribute("TYPE", "PHYSICAL");
            w.writeAttribute("LABEL", "CSIP");
            w.writeStartElement(METS, "div");
            w.writeAttribute("ID", "div-representation");
            w.writeAttribute("LABEL", r.name());
            division(w, "div-data", "Data", "grp-data");
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** The root element and header every METS document of the package shares (CSIP1-16, CSIP117). */
    private static void root(XMLStreamWriter w, String objid, String label, Instant created, String version)
            throws XMLStreamException {
        w.writeStartElement("mets", "mets", METS);
        w.writeNamespace("mets", METS);
        w.writeNamespace("xlink", XLINK);
        w.writeNamespace("xsi", XSI);
        w.writeNamespace("csip", CSIP);
        w.writeAttribute("xsi", XSI, "schemaLocation", SCHEMA_LOCATION);
        w.writeAttribute("OBJID", objid);
        w.writeAttribute("LABEL", label);
        w.writeAttribute("TYPE", CONTENT_CATEGORY);
        w.writeAttribute("csip", CSIP, "CONTENTINFORMATIONTYPE", "OTHER");
        w.writeAttribute("csip", CSIP, "OTHERCONTENTINFORMATIONTYPE", "Decree 30/2020/ND-CP Appendix VI");
        w.writeAttribute("PROFILE", PROFILE);
        w.writeStartElement(METS, "metsHdr");
        w.writeAttribute("CREATEDATE", created.toString());
        w.writeAttribute("RECORDSTATUS", "NEW");
        w.writeAttribute("csip", CSIP, "OAISPACKAGETYPE", "SIP");
        w.writeStartElement(METS, "agent");
        w.writeAttribute("ROLE", "CREATOR");
        w.writeAttribute("TYPE", "OTHER");
        w.writeAttribute("OTHERTYPE", "SOFTWARE");
        w.writeStartElement(METS, "name");
        w.writeCharacters("Kyso archive");
        w.writeEndElement();
        w.writeStartElement(METS, "note");
        w.writeAttribute("csip", CSIP, "NOTETYPE", "SOFTWARE VERSION");
        w.writeCharacters(version);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void mdRef(XMLStreamWriter w, String path, Entry e, String type, String otherType)
            throws XMLStreamException {
        w.writeStartElement(METS, "mdRef");
        w.writeAttribute("LOCTYPE", "URL");
        w.writeAttribute("xlink", XLINK, "type", "simple");
        w.writeAttribute("xlink", XLINK, "href", path);
        w.writeAttribute("MDTYPE", type);
        if (otherType != null) {
            w.writeAttribute("OTHERMDTYPE", otherType);
        }
        w.writeAttribute("MIMETYPE", e.mediaType());
        w.writeAttribute("SIZE", Long.toString(e.content().length));
        w.writeAttribute("CREATED", e.created().toString());
        w.writeAttribute("CHECKSUM", sha256(e.content()));
        w.writeAttribute("CHECKSUMTYPE", "SHA-256");
        w.writeEndElement();
    }

    private static void fileGroup(XMLStreamWriter w, String use, String id, Map<String, Entry> files, String prefix)
            throws XMLStreamException {
        w.writeStartElement(METS, "fileGrp");
        w.writeAttribute("USE", use);
        w.writeAttribute("ID", id);
        int n = 0;
        for (Map.Entry<String, Entry> f : files.entrySet()) {
            if (f.getKey().startsWith(prefix)) {
                file(w, id.replace("grp-", "file-") + "-" + (++n), f.getKey(), f.getValue());
            }
        }
        w.writeEndElement();
    }

    private static void file(XMLStreamWriter w, String id, String href, Entry e) throws XMLStreamException {
        w.writeStartElement(METS, "file");
        w.writeAttribute("ID", id);
        w.writeAttribute("MIMETYPE", e.mediaType());
        w.writeAttribute("SIZE", Long.toString(e.content().length));
        w.writeAttribute("CREATED", e.created().toString());
        w.writeAttribute("CHECKSUM", sha256(e.content()));
        w.writeAttribute("CHECKSUMTYPE", "SHA-256");
        w.writeStartElement(METS, "FLocat");
        w.writeAttribute("LOCTYPE", "URL");
        w.writeAttribute("xlink", XLINK, "type", "simple");
        w.writeAttribute("xlink", XLINK, "href", href);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void division(XMLStreamWriter w, String id, String label, String group)
            throws XMLStreamException {
        w.writeStartElement(METS, "div");
        w.writeAttribute("ID", id);
        w.writeAttribute("LABEL", label);
        w.writeStartElement(METS, "fptr");
        w.writeAttribute("FILEID", group);
        w.writeEndElement();
        w.writeEndElement();
    }

    // ---------------------------------------------------------------- helpers

    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static byte[] xml(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML not writable", e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
