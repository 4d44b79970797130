package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.utils.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * DSS's PDFBox signature service, except that an invisible signature or document time-stamp added to
 * a document that is already signed gets its (zero-size) widget on the page that holds the newest
 * signature's widget, instead of on page 1.
 *
 * <p>Why: a widget must sit in some page's {@code /Annots}. PDFBox puts an invisible one on page 1;
 * when page 1 has no annotations yet (a multi-page letter signed on its last page), the page gains a
 * new {@code /Annots} array after the signatures, which validators cannot tell from any other
 * annotation change ("content changed after the last signature"). On the newest signature's page the
 * array already exists and only gains an entry that visibly carries a signature or time-stamp value,
 * which DSS and Adobe recognise as a later signature. See docs/pades-long-term.md.
 */
final class BesideLastSignature extends PdfBoxSignatureService {

    /** DSS's native-drawer PDF factory with this service for signatures and every kind of time-stamp. */
    static final class Factory extends PdfBoxNativeObjectFactory {

        @Override
        public PDFSignatureService newPAdESSignatureService() {
            return configure(new BesideLastSignature(PDFServiceMode.SIGNATURE));
        }

        @Override
        public PDFSignatureService newContentTimestampService() {
            return configure(new BesideLastSignature(PDFServiceMode.CONTENT_TIMESTAMP));
        }

        @Override
        public PDFSignatureService newSignatureTimestampService() {
            return configure(new BesideLastSignature(PDFServiceMode.SIGNATURE_TIMESTAMP));
        }

        @Override
        public PDFSignatureService newArchiveTimestampService() {
            return configure(new BesideLastSignature(PDFServiceMode.ARCHIVE_TIMESTAMP));
        }
    }

    private final PDFServiceMode mode;

    BesideLastSignature(PDFServiceMode mode) {
        super(mode, new PdfBoxNativeSignatureDrawerFactory());
        this.mode = mode;
    }

    private boolean isSignature() {
        return mode == PDFServiceMode.SIGNATURE;
    }

    /**
     * DSS's {@code sign}, except that the CMS goes into the document prepared for the digest by
     * {@link SignatureSlot} rather than DSS's byte-at-a-time copy; anything unusual goes to DSS.
     */
    @Override
    public DSSDocument sign(DSSDocument toSign, byte[] cms, PAdESCommonParameters parameters) {
        DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
        if (prepared != null && cms != null) {
            byte[] signed = SignatureSlot.fill(DSSUtils.toByteArray(prepared),
                    Utils.toHex(cms).getBytes(StandardCharsets.US_ASCII));
            if (signed != null) {
                // As DSS does after using its cache: the next signature with these parameters starts afresh.
                parameters.reinit();
                DSSDocument out = new InMemoryDocument(signed);
                out.setMimeType(MimeTypeEnum.PDF);
                return out;
            }
        }
        return super.sign(toSign, cms, parameters);
    }

    @Override
    protected PDSignature createSignatureDictionary(PDDocument document, PAdESCommonParameters parameters) {
        PDSignature signature = super.createSignatureDictionary(document, parameters);
        boolean invisible = parameters.getImageParameters().isEmpty();
        String fieldId = parameters.getImageParameters().getFieldParameters().getFieldId();
        if (invisible && (fieldId == null || fieldId.isEmpty())) {
            try {
                place(document, signature);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!invisible && (fieldId == null || fieldId.isEmpty()) && isSignature()) {
            // A person's signature on a draft waiting for its number and date leaves only those open.
            try {
                FillInLock.lockAllButEmptyFillIn(document, signature,
                        parameters.getImageParameters().getFieldParameters().getPage() - 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signature;
    }

    /**
     * Creates the field for {@code signature} with its widget on the newest signature's page, so that
     * PDFBox's {@code addSignature} finds the field by its value and adds no widget of its own.
     * Leaves the document alone when it has no signature yet or the newest one is on page 1, where
     * PDFBox puts the widget anyway.
     */
    static void place(PDDocument document, PDSignature signature) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        int pageIndex = pageOfNewestSignature(document, form);
        if (pageIndex <= 0) {
            return;
        }
        PDPage page = document.getPage(pageIndex);
        PDSignatureField field = new PDSignatureField(form);
        field.setValue(signature);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setPage(page);
        List<PDAnnotation> annotations = page.getAnnotations();
        annotations.add(widget);
        // A direct array, as PDFBox makes it: an indirect one would not be written by an incremental save.
        page.setAnnotations(annotations);
        page.getCOSObject().setNeedToBeUpdated(true);
        form.getFields().add(field);
    }

    /** The 0-based page whose annotations hold the widget of the signature that ends last, or -1. */
    static int pageOfNewestSignature(PDDocument document, PDAcroForm form) {
        PDSignatureField newest = null;
        long newestEnd = -1;
        for (PDField f : form.getFieldTree()) {
            if (f instanceof PDSignatureField s && s.getSignature() != null) {
                int[] range = s.getSignature().getByteRange();
                long end = range.length == 4 ? (long) range[2] + range[3] : -1;
                if (end > newestEnd) {
                    newestEnd = end;
                    newest = s;
                }
            }
        }
        if (newest == null) {
            return -1;
        }
        List<PDAnnotationWidget> widgets = newest.getWidgets();
        // The widget's /P is optional and may be wrong; the page whose /Annots lists it is what counts.
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            try {
                for (PDAnnotation a : document.getPage(i).getAnnotations()) {
                    for (PDAnnotationWidget w : widgets) {
                        if (a.getCOSObject() == w.getCOSObject()) {
                            return i;
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable annotation list on one page does not stop the search on the others
            }
        }
        return -1;
    }
}
