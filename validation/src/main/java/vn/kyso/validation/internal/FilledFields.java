package vn.kyso.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Which form fields changed between a signature's revision and the final file, by value or by the
 * appearance their widgets show. DSS reports the objects a form fill-in touched (the value, the appearance
 * stream, its length and box, a font) mostly without the field's name, so it cannot tell filling in a field
 * the signer left open from changing one they locked; comparing the two revisions field by field can.
 * Signature fields are left out: later signatures are judged apart.
 */
final class FilledFields {

    private FilledFields() {
    }

    /**
     * @return the fully qualified names of the changed fields; null when either revision cannot be read,
     *         so that nothing is excused
     */
    static Set<String> changed(byte[] pdf, PDFRevisionWrapper revision) {
        if (pdf == null || revision == null || revision.getSignatureByteRange().size() != 4) {
            return null;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        long end = range.get(2).longValue() + range.get(3).longValue();
        if (end <= 0 || end > pdf.length) {
            return null;
        }
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) end));
                PDDocument last = Loader.loadPDF(pdf)) {
            Map<String, String> before = fields(signed);
            Map<String, String> after = fields(last);
            Set<String> changed = new LinkedHashSet<>();
            for (String name : after.keySet()) {
                if (!after.get(name).equals(before.get(name))) {
                    changed.add(name);
                }
            }
            for (String name : before.keySet()) {
                if (!after.containsKey(name)) {
                    changed.add(name);
                }
            }
            return changed;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Each terminal non-signature field: its value and its widgets' normal appearances, as text. */
    private static Map<String, String> fields(PDDocument document) throws IOException {
        Map<String, String> out = new HashMap<>();
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return out;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField || field instanceof org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField) {
                continue;
            }
            StringBuilder state = new StringBuilder();
            COSBase value = field.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.V);
            state.append("V=").append(value == null ? "" : value.toString());
            for (PDAnnotationWidget widget : field.getWidgets()) {
                state.append("|R=").append(widget.getRectangle());
                PDAppearanceEntry normal = widget.getAppearance() == null ? null
                        : widget.getAppearance().getNormalAppearance();
                if (normal != null && normal.isStream()) {
                    var stream = normal.getAppearanceStream();
                    state.append("|B=").append(stream.getBBox());
                    try (InputStream in = stream.getContents()) {
                        state.append("|S=").append(Arrays.hashCode(in.readAllBytes()));
                    }
                }
            }
            out.put(field.getFullyQualifiedName(), state.toString());
        }
        return out;
    }
}
