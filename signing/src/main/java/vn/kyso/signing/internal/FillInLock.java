package vn.kyso.signing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * The authorised person's signature on a draft that still waits for its number and date locks every form
 * field except those two (a signature field lock, ISO 32000-1 12.7.4.5 Table 233, {@code /Action /Exclude}),
 * so that the clerk may fill them in at issue and nothing else: filling a field after a signature is the
 * shadow attack through forms unless the signer left that field open (FieldMDP, 12.8.2.4). Validators read
 * the lock from the signature field (DSS: {@code PDFRevisionWrapper.getSigFieldLock()}).
 */
final class FillInLock {

    static final COSName LOCK = COSName.getPDFName("Lock");
    static final COSName SIG_FIELD_LOCK = COSName.getPDFName("SigFieldLock");
    static final COSName EXCLUDE = COSName.getPDFName("Exclude");

    private FillInLock() {
    }

    /**
     * When the document has an empty number or date field, creates the signature's field with the lock
     * (PDFBox's {@code addSignature} then uses it, finding it by its value, and adds its widget to the page).
     *
     * @param page 0-based page that will hold the visible signature
     * @return whether a locked field was made
     */
    static boolean lockAllButEmptyFillIn(PDDocument document, PDSignature signature, int page)
            throws java.io.IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return false;
        }
        List<String> open = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            String name = field.getPartialName() == null ? "" : field.getPartialName().toLowerCase(Locale.ROOT);
            boolean fillIn = NumberAndDateFiller.NUMBER_FIELDS.contains(name)
                    || NumberAndDateFiller.DATE_FIELDS.contains(name);
            if (fillIn && field instanceof PDTextField text && (text.getValue() == null || text.getValue().isEmpty())) {
                open.add(field.getFullyQualifiedName());
            }
        }
        if (open.isEmpty() || page < 0 || page >= document.getNumberOfPages()) {
            return false;
        }
        PDSignatureField field = new PDSignatureField(form);
        field.setValue(signature);
        COSDictionary lock = new COSDictionary();
        lock.setItem(COSName.TYPE, SIG_FIELD_LOCK);
        lock.setItem(COSName.getPDFName("Action"), EXCLUDE);
        COSArray fields = new COSArray();
        open.forEach(name -> fields.add(new COSString(name)));
        lock.setItem(COSName.getPDFName("Fields"), fields);
        field.getCOSObject().setItem(LOCK, lock);
        // PDFBox's addSignature finds this field by its value and, with a visible template, gives its widget
        // the rectangle and appearance but does not put it on the page: without this the signature is
        // valid yet drawn nowhere (the issued letter showed no signature of the person).
        org.apache.pdfbox.pdmodel.PDPage target = document.getPage(page);
        org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setPage(target);
        widget.setPrinted(true);
        List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations = target.getAnnotations();
        annotations.add(widget);
        target.setAnnotations(annotations);
        target.getCOSObject().setNeedToBeUpdated(true);
        form.getFields().add(field);
        form.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        return true;
    }
}
