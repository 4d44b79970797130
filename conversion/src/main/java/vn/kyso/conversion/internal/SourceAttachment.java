package vn.kyso.conversion.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds the source document in a PDF/A-3 as an associated file with relationship {@code Source}, as ISO
 * 19005-3 §6.8 asks: MIME subtype, modification date, {@code /AF} from the catalogue. The archive then holds
 * the original the PDF/A was made from, in one file.
 */
final class SourceAttachment {

    private SourceAttachment() {
    }

    static byte[] embed(byte[] pdf, byte[] source, String mediaType, String fileName) {
        String name = safeName(fileName, mediaType);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(source));
            file.setSubtype(mediaType);
            file.setSize(source.length);
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            file.setModDate(now);
            file.setCreationDate(now);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setFileDescription("Source document");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(name, spec));
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null) {
                names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            }
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            COSArray af = new COSArray();
            af.add(spec);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + source.length + 4096);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw Failures.failed("The source could not be embedded in the PDF/A-3", e);
        }
    }

    /** The client's name reduced to harmless characters, or a name made from the type. */
    static String safeName(String fileName, String mediaType) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "").strip();
        if (base.isEmpty() || base.length() > 200) {
            return "source" + extension(mediaType);
        }
        return base;
    }

    private static String extension(String mediaType) {
        for (var e : List.of(Map.entry("wordprocessingml", ".docx"), Map.entry("spreadsheetml", ".xlsx"),
                Map.entry("msword", ".doc"), Map.entry("ms-excel", ".xls"), Map.entry("opendocument.text", ".odt"),
                Map.entry("opendocument.spreadsheet", ".ods"), Map.entry("rtf", ".rtf"), Map.entry("html", ".html"),
                Map.entry("png", ".png"), Map.entry("jpeg", ".jpg"), Map.entry("tiff", ".tif"),
                Map.entry("pdf", ".pdf"))) {
            if (mediaType.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return ".bin";
    }
}
