package vn.kyso.archive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Checks an E-ARK CSIP package in a ZIP, written from the E-ARK specification independently of the
 * writer: the METS files against the METS 1.12 schema with the CSIP extension schema, the PREMIS file
 * against the PREMIS 3.0 schema (all from {@code src/test/resources/eark-schemas}, see SOURCES.md, no
 * network), and the CSIP 2.2 requirements that can be checked mechanically, each named by its ID.
 */
public final class CsipChecker {

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String PREMIS = "http://www.loc.gov/premis/v3";
    public static final Schema METS_SCHEMA = schema("mets.xsd", "DILCISExtensionMETS.xsd");
    public static final Schema PREMIS_SCHEMA = schema("premis-v3-0.xsd");

    /** The unpacked package: path (below the root folder) to bytes, and the root folder's name. */
    public record Unpacked(String root, Map<String, byte[]> files) {
    }

    public static Unpacked check(byte[] zip) throws Exception {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                all.put(e.getName(), in.readAllBytes());
            }
        }
        // CSIPSTR1: a single root folder.
        Set<String> roots = new HashSet<>();
        all.keySet().forEach(p -> roots.add(p.substring(0, p.indexOf('/'))));
        assertThat(roots).as("CSIPSTR1 one root folder").hasSize(1);
        String root = roots.iterator().next();
        Map<String, byte[]> files = new LinkedHashMap<>();
        all.forEach((p, b) -> files.put(p.substring(root.length() + 1), b));
        // CSIPSTR4: METS.xml in the root; CSIPSTR5-7, 9, 11, 12, 15: the recommended folders.
        assertThat(files).as("CSIPSTR4").containsKey("METS.xml");
        assertThat(files.keySet()).as("CSIPSTR6").anyMatch(p -> p.startsWith("metadata/preservation/"));
        assertThat(files.keySet()).as("CSIPSTR7").anyMatch(p -> p.startsWith("metadata/descriptive/"));
        assertThat(files.keySet()).as("CSIPSTR11").anyMatch(p -> p.matches("representations/[^/]+/data/.+"));
        assertThat(files.keySet()).as("CSIPSTR15").anyMatch(p -> p.startsWith("schemas/"));

        Document mets = valid(METS_SCHEMA, files.get("METS.xml"));
        XPath x = xpath();
        Element m = mets.getDocumentElement();
        // CSIP1, CSIPSTR2: OBJID, and the root folder named after it.
        String objid = m.getAttribute("OBJID");
        assertThat(objid).as("CSIP1").isNotBlank();
        assertThat(root).as("CSIPSTR2").isEqualTo(objid.replaceAll("[^A-Za-z0-9._-]", "_"));
        assertThat(m.getAttribute("TYPE")).as("CSIP2 content category from the vocabulary")
                .isIn("Textual works – Digital", "Text", "Mixed", "Other");
        assertThat(m.getAttributeNS(CSIP, "CONTENTINFORMATIONTYPE")).as("CSIP4").isNotBlank();
        if (m.getAttributeNS(CSIP, "CONTENTINFORMATIONTYPE").equals("OTHER")) {
            assertThat(m.getAttributeNS(CSIP, "OTHERCONTENTINFORMATIONTYPE")).as("CSIP5").isNotBlank();
        }
        assertThat(m.getAttribute("PROFILE")).as("CSIP6").isEqualTo("https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml");
        header(x, mets);
        // CSIP18-30 and CSIP33-44: every metadata reference points to a file of the package with its
        // true size and SHA-256.
        NodeList mdRefs = (NodeList) x.evaluate("//mets:dmdSec/mets:mdRef | //mets:amdSec/*/mets:mdRef", mets,
                XPathConstants.NODESET);
        assertThat(mdRefs.getLength()).as("CSIP17, CSIP32").isGreaterThanOrEqualTo(2);
        assertThat(x.evaluate("count(//mets:dmdSec[@ID and @CREATED])", mets)).as("CSIP18, CSIP19").isEqualTo("1");
        assertThat(x.evaluate("count(//mets:amdSec/mets:digiprovMD[@ID])", mets)).as("CSIP33").isEqualTo("1");
        for (int i = 0; i < mdRefs.getLength(); i++) {
            reference((Element) mdRefs.item(i), files, "", "CSIP22-30/36-44");
        }
        // CSIP59-79: file section, groups and files.
        assertThat(x.evaluate("//mets:fileSec/@ID", mets)).as("CSIP59").isNotBlank();
        assertThat(x.evaluate("count(//mets:fileGrp[@USE='Documentation'])", mets)).as("CSIP60").isNotEqualTo("0");
        assertThat(x.evaluate("count(//mets:fileGrp[@USE='Schemas'])", mets)).as("CSIP113").isNotEqualTo("0");
        assertThat(x.evaluate("count(//mets:fileGrp[starts-with(@USE, 'Representations')])", mets))
                .as("CSIP114").isNotEqualTo("0");
        assertThat(x.evaluate("count(//mets:fileGrp[not(@ID) or not(@USE)])", mets)).as("CSIP64, CSIP65")
                .isEqualTo("0");
        Set<String> referenced = new HashSet<>();
        NodeList fileEls = (NodeList) x.evaluate("//mets:file", mets, XPathConstants.NODESET);
        for (int i = 0; i < fileEls.getLength(); i++) {
            Element f = (Element) fileEls.item(i);
            assertThat(f.getAttribute("ID")).as("CSIP67").isNotBlank();
            Element flocat = (Element) x.evaluate("mets:FLocat", f, XPathConstants.NODE);
            assertThat(flocat).as("CSIP76").isNotNull();
            referenced.add(reference(f, files, "", "CSIP68-79"));
        }
        // Every XML schema in the package is in the Schemas group (CSIP113).
        files.keySet().stream().filter(p -> p.startsWith("schemas/")).forEach(p -> assertThat(referenced)
                .as("CSIP113 " + p).contains(p));
        // CSIP80-119: the structural map.
        assertThat(x.evaluate("count(/mets:mets/mets:structMap[@TYPE='PHYSICAL' and @LABEL='CSIP' and @ID])", mets))
                .as("CSIP80-83").isEqualTo("1");
        assertThat(x.evaluate("count(/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div)", mets)).as("CSIP84")
                .isEqualTo("1");
        String div = "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div";
        assertThat(x.evaluate(div + "/@ID", mets)).as("CSIP85").isNotBlank();
        assertThat(x.evaluate("count(" + div + "/mets:div[@LABEL='Metadata' and @ID])", mets)).as("CSIP88-90")
                .isEqualTo("1");
        for (String[] g : new String[][] {{"Documentation", "CSIP94-116", "Documentation"},
                {"Schemas", "CSIP98-118", "Schemas"}}) {
            String fileId = x.evaluate(div + "/mets:div[@LABEL='" + g[0] + "']/mets:fptr/@FILEID", mets);
            assertThat(x.evaluate("//mets:fileGrp[@ID='" + fileId + "']/@USE", mets)).as(g[1]).isEqualTo(g[2]);
        }
        NodeList reps = (NodeList) x.evaluate(div + "/mets:div[starts-with(@LABEL, 'Representations/')]", mets,
                XPathConstants.NODESET);
        assertThat(reps.getLength()).as("CSIP106-109").isGreaterThan(0);
        for (int i = 0; i < reps.getLength(); i++) {
            Element rep = (Element) reps.item(i);
            assertThat(rep.getAttribute("ID")).as("CSIP106").isNotBlank();
            Element mptr = (Element) x.evaluate("mets:mptr", rep, XPathConstants.NODE);
            assertThat(mptr.getAttribute("LOCTYPE")).as("CSIP112").isEqualTo("URL");
            assertThat(mptr.getAttributeNS(XLINK, "type")).as("CSIP111").isEqualTo("simple");
            String href = mptr.getAttributeNS(XLINK, "href");
            assertThat(href).as("CSIP107").isEqualTo(rep.getAttribute("LABEL").replaceFirst("^Representations",
                    "representations") + "/METS.xml");
            assertThat(x.evaluate("//mets:fileGrp[@ID='" + mptr.getAttributeNS(XLINK, "title") + "']/@USE", mets))
                    .as("CSIP108").isEqualTo(rep.getAttribute("LABEL"));
            representation(x, files, href);
        }
        // IDs are unique (XML ID type, so the schema validation already refuses duplicates); every file
        // of the package but the package METS is referenced from it or from a representation METS.
        valid(PREMIS_SCHEMA, files.get(x.evaluate("//mets:digiprovMD/mets:mdRef/@xlink:href", mets)));
        return new Unpacked(root, files);
    }

    private static void header(XPath x, Document mets) throws Exception {
        String h = "/mets:mets/mets:metsHdr";
        assertThat(x.evaluate("count(" + h + ")", mets)).as("CSIP117").isEqualTo("1");
        assertThat(x.evaluate(h + "/@CREATEDATE", mets)).as("CSIP7").isNotBlank();
        assertThat(x.evaluate(h + "/@csip:OAISPACKAGETYPE", mets)).as("CSIP9").isIn("SIP", "AIP", "DIP");
        String a = h + "/mets:agent[@ROLE='CREATOR' and @TYPE='OTHER' and @OTHERTYPE='SOFTWARE']";
        assertThat(x.evaluate("count(" + a + ")", mets)).as("CSIP10-13").isEqualTo("1");
        assertThat(x.evaluate(a + "/mets:name", mets)).as("CSIP14").isNotBlank();
        assertThat(x.evaluate(a + "/mets:note[@csip:NOTETYPE='SOFTWARE VERSION']", mets)).as("CSIP15, CSIP16")
                .isNotBlank();
    }

    private static void representation(XPath x, Map<String, byte[]> files, String href) throws Exception {
        assertThat(files).as("CSIPSTR12 " + href).containsKey(href);
        Document rep = valid(METS_SCHEMA, files.get(href));
        header(x, rep);
        String base = href.substring(0, href.length() - "METS.xml".length());
        NodeList fileEls = (NodeList) x.evaluate("//mets:file", rep, XPathConstants.NODESET);
        assertThat(fileEls.getLength()).isGreaterThan(0);
        Set<String> data = new HashSet<>();
        for (int i = 0; i < fileEls.getLength(); i++) {
            data.add(reference((Element) fileEls.item(i), files, base, "representation METS"));
        }
        files.keySet().stream().filter(p -> p.startsWith(base + "data/")).forEach(p -> assertThat(data)
                .as("every data file in its representation METS").contains(p));
    }

    /** Checks the locator and the file attributes of a file or mdRef; returns the package path. */
    private static String reference(Element e, Map<String, byte[]> files, String base, String req) {
        Element loc = e.getLocalName().equals("file")
                ? (Element) e.getElementsByTagNameNS(METS, "FLocat").item(0) : e;
        assertThat(loc.getAttribute("LOCTYPE")).as(req + " LOCTYPE").isEqualTo("URL");
        assertThat(loc.getAttributeNS(XLINK, "type")).as(req + " xlink:type").isEqualTo("simple");
        String path = base + URI.create(loc.getAttributeNS(XLINK, "href")).getPath();
        assertThat(files).as(req + " href " + path).containsKey(path);
        byte[] content = files.get(path);
        assertThat(e.getAttribute("MIMETYPE")).as(req + " MIMETYPE").isNotBlank();
        assertThat(e.getAttribute("SIZE")).as(req + " SIZE " + path).isEqualTo(Integer.toString(content.length));
        assertThat(e.getAttribute("CREATED")).as(req + " CREATED").isNotBlank();
        assertThat(e.getAttribute("CHECKSUMTYPE")).as(req + " CHECKSUMTYPE").isEqualTo("SHA-256");
        assertThat(e.getAttribute("CHECKSUM")).as(req + " CHECKSUM " + path).isEqualTo(sha256(content));
        return path;
    }

    public static Document valid(Schema schema, byte[] xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        return parse(xml);
    }

    /** Well-formed XML without a DOCTYPE (the descriptive metadata has no official schema to check). */
    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "mets" -> METS;
                    case "xlink" -> XLINK;
                    case "csip" -> CSIP;
                    case "premis" -> PREMIS;
                    case "pl6" -> "urn:kyso:nd30-2020:appendix-vi";
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return java.util.Collections.emptyIterator();
            }
        });
        return x;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schemas, their imports resolved to the stored copies by file name (never the network). */
    private static Schema schema(String... names) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setResourceResolver(new LocalSchemas());
            List<StreamSource> sources = new ArrayList<>();
            for (String n : names) {
                sources.add(new StreamSource(resource(n), n));
            }
            return f.newSchema(sources.toArray(StreamSource[]::new));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = CsipChecker.class.getResourceAsStream("/eark-schemas/" + name);
        if (in == null) {
            throw new IllegalStateException("test schema " + name + " missing");
        }
        return in;
    }

    private CsipChecker() {
    }

    private static final class LocalSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            try {
                byte[] bytes = resource(name).readAllBytes();
                return new Input(systemId, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Input(String systemId, byte[] bytes) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return null; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
