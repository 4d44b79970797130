package vn.kyso.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Proves, without rendering, that a page of a signed revision and the same page of the final document
 * are drawn alike, by comparing everything the drawing reads.
 *
 * <p>DSS compares each signed revision with the final document visually: it renders the page of both
 * (hiding in the final one the annotations added after signing) and compares the pixels. On a one-page
 * letter that rendering is more than half of a validation. When the objects the renderer reads are the
 * same in both documents, the two images are the same by construction, so the rendering can be skipped:
 * the page dictionary (all entries but {@code /Parent} and {@code /Annots}), the inherited
 * {@code /Resources}, {@code /MediaBox}, {@code /CropBox} and {@code /Rotate}, everything reachable from
 * them (content streams, fonts, images, forms, patterns, colour spaces: dictionaries, arrays and values
 * compared deeply, streams by their dictionary and their raw bytes, so a redefined {@code /Length} or
 * filter is seen), the annotations the comparison shows (the same ones, in the same order, each compared
 * deeply but for its back-pointers {@code /P} and {@code /Parent}), the document's optional content
 * configuration ({@code /OCProperties}, which can hide or show layers without touching the page), and
 * the form's default resources and appearance ({@code /AcroForm /DR}, {@code /DA}), from which PDFBox
 * draws a free-text annotation that has no appearance stream of its own.
 *
 * <p>Anything else answers "not proven" and DSS's rendering runs as before: a difference anywhere in
 * that graph, an encrypted document (equal ciphertext need not mean equal text under a changed key),
 * more than {@link #MAX_OBJECTS} objects or a nesting deeper than {@link #MAX_DEPTH}. The proof can only
 * skip work; it never reports a document as unchanged that the rendering would have found changed.
 */
final class SamePageContent {

    /** Objects compared before giving up and rendering instead. */
    static final int MAX_OBJECTS = 20_000;
    /** Nesting depth before giving up (a deep chain must not overflow the stack). */
    static final int MAX_DEPTH = 256;

    private static final List<COSName> INHERITED = List.of(COSName.RESOURCES, COSName.MEDIA_BOX,
            COSName.CROP_BOX, COSName.ROTATE);
    private static final Set<COSName> PAGE_OWN_EXCLUDED = Set.of(COSName.PARENT, COSName.ANNOTS);
    private static final Set<COSName> ANNOTATION_EXCLUDED = Set.of(COSName.P, COSName.PARENT);

    /** Signals that the proof cannot be completed within its limits. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /** Final-document objects already matched with a signed-revision object (cycles end there). */
    private final Map<COSBase, COSBase> matched = new IdentityHashMap<>();
    private int budget = MAX_OBJECTS;

    private SamePageContent() {
    }

    /**
     * @param page                   from 1
     * @param finalAnnotations       how many annotations DSS lists on the final page; the indexes below are
     *                               in that list, which must be PDFBox's one for one (same length)
     * @param hiddenFinalAnnotations indexes of the annotations the visual comparison hides
     * @return true only if the page of both documents is drawn alike
     */
    static boolean proven(PDDocument signed, PDDocument fin, int page, int finalAnnotations,
            Set<Integer> hiddenFinalAnnotations) {
        if (signed.isEncrypted() || fin.isEncrypted()
                || page > signed.getNumberOfPages() || page > fin.getNumberOfPages()) {
            return false;
        }
        try {
            return new SamePageContent().samePage(signed, fin, page, finalAnnotations, hiddenFinalAnnotations);
        } catch (GiveUp | IOException | RuntimeException e) {
            // A damaged object, a limit reached: the rendering decides, as without this class.
            return false;
        }
    }

    private boolean samePage(PDDocument signed, PDDocument fin, int page, int annotations, Set<Integer> hidden)
            throws GiveUp, IOException {
        COSDictionary s = signed.getPage(page - 1).getCOSObject();
        COSDictionary f = fin.getPage(page - 1).getCOSObject();
        if (!sameDictionary(s, f, PAGE_OWN_EXCLUDED, 0)) {
            return false;
        }
        for (COSName key : INHERITED) {
            if (!same(inherited(s, key), inherited(f, key), 0)) {
                return false;
            }
        }
        List<COSDictionary> signedAnnotations = annotations(s);
        List<COSDictionary> shown = new ArrayList<>();
        List<COSDictionary> finalAnnotations = annotations(f);
        if (finalAnnotations.size() != annotations) {
            return false;
        }
        for (int i = 0; i < finalAnnotations.size(); i++) {
            if (!hidden.contains(i)) {
                shown.add(finalAnnotations.get(i));
            }
        }
        if (shown.size() != signedAnnotations.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!sameDictionary(signedAnnotations.get(i), shown.get(i), ANNOTATION_EXCLUDED, 0)) {
                return false;
            }
        }
        COSDictionary signedCatalog = signed.getDocumentCatalog().getCOSObject();
        COSDictionary finalCatalog = fin.getDocumentCatalog().getCOSObject();
        if (!same(signedCatalog.getItem(COSName.OCPROPERTIES), finalCatalog.getItem(COSName.OCPROPERTIES), 0)) {
            return false;
        }
        // An annotation without an appearance stream is drawn by PDFBox from its own entries and, for free
        // text, the form's default resources and appearance: those must not have changed either.
        COSDictionary signedForm = signedCatalog.getCOSDictionary(COSName.ACRO_FORM);
        COSDictionary finalForm = finalCatalog.getCOSDictionary(COSName.ACRO_FORM);
        return same(item(signedForm, COSName.DR), item(finalForm, COSName.DR), 0)
                && same(item(signedForm, COSName.DA), item(finalForm, COSName.DA), 0);
    }

    private static COSBase item(COSDictionary dictionary, COSName key) {
        return dictionary == null ? null : dictionary.getItem(key);
    }

    /** The value of an inheritable page attribute: the page's own or its nearest ancestor's. */
    private static COSBase inherited(COSDictionary page, COSName key) {
        COSDictionary node = page;
        for (int depth = 0; node != null && depth < MAX_DEPTH; depth++) {
            COSBase value = node.getItem(key);
            if (value != null) {
                return value;
            }
            node = node.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    /** The annotation dictionaries of a page, as PDFBox lists them (entries that are not dictionaries skipped). */
    private static List<COSDictionary> annotations(COSDictionary page) {
        COSArray annots = page.getCOSArray(COSName.ANNOTS);
        if (annots == null) {
            return List.of();
        }
        List<COSDictionary> out = new ArrayList<>();
        for (int i = 0; i < annots.size(); i++) {
            if (annots.getObject(i) instanceof COSDictionary d) {
                out.add(d);
            }
        }
        return out;
    }

    private boolean same(COSBase signed, COSBase fin, int depth) throws GiveUp, IOException {
        if (--budget < 0 || depth > MAX_DEPTH) {
            throw new GiveUp();
        }
        COSBase s = resolve(signed);
        COSBase f = resolve(fin);
        if (s == f) {
            return true;
        }
        if (s instanceof COSDictionary || s instanceof COSArray) {
            if (matched.get(f) == s) {
                return true;
            }
            matched.put(f, s);
        }
        if (s instanceof COSStream ss) {
            return f instanceof COSStream fs && sameDictionary(ss, fs, Set.of(), depth) && sameRawBytes(ss, fs);
        }
        if (s instanceof COSDictionary sd) {
            return f instanceof COSDictionary fd && !(f instanceof COSStream)
                    && sameDictionary(sd, fd, Set.of(), depth);
        }
        if (s instanceof COSArray sa) {
            if (!(f instanceof COSArray fa) || sa.size() != fa.size()) {
                return false;
            }
            for (int i = 0; i < sa.size(); i++) {
                if (!same(sa.get(i), fa.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        // Names, numbers, strings, booleans and null compare by value.
        return s.equals(f);
    }

    private boolean sameDictionary(COSDictionary s, COSDictionary f, Set<COSName> excluded, int depth)
            throws GiveUp, IOException {
        Set<COSName> keys = new HashSet<>(s.keySet());
        keys.removeAll(excluded);
        Set<COSName> finalKeys = new HashSet<>(f.keySet());
        finalKeys.removeAll(excluded);
        if (!keys.equals(finalKeys)) {
            return false;
        }
        for (COSName key : keys) {
            if (!same(s.getItem(key), f.getItem(key), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRawBytes(COSStream s, COSStream f) throws IOException {
        try (InputStream a = s.createRawInputStream(); InputStream b = f.createRawInputStream()) {
            return Arrays.equals(a.readAllBytes(), b.readAllBytes());
        }
    }

    /** The object a reference points to; a dangling reference is null, as PDFBox reads it. */
    private static COSBase resolve(COSBase value) {
        COSBase v = value instanceof COSObject o ? o.getObject() : value;
        return v == null ? COSNull.NULL : v;
    }
}
