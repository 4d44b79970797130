package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.kyso.validation.Explanation;

/**
 * What DSS's PDF modification detection found between a signed revision and the final file, sorted
 * into changes a later signer may make (another signature, long-term validation data, a document
 * time-stamp) and changes nobody may make to a signed official letter (pages, visible content,
 * annotations, form fields, other objects) — the last group covers the shadow and incremental-saving
 * attacks, which hide or replace content in a later revision.
 *
 * <p>The codes are stable: {@link #PERMITTED} lists the harmless ones.
 */
final class PdfChanges {

    static final String LATER_SIGNATURE = "LATER_SIGNATURE";
    static final String VALIDATION_DATA_ADDED = "VALIDATION_DATA_ADDED";
    static final String PAGES_CHANGED = "PAGES_CHANGED";
    static final String CONTENT_CHANGED = "CONTENT_CHANGED";
    static final String ANNOTATIONS_CHANGED = "ANNOTATIONS_CHANGED";
    static final String FORM_CHANGED = "FORM_CHANGED";
    static final String OBJECTS_CHANGED = "OBJECTS_CHANGED";
    static final String CERTIFICATION_VIOLATED = "CERTIFICATION_VIOLATED";
    static final String FIELD_VALUE_CHANGED = "FIELD_VALUE_CHANGED";
    /** Fields the signer left open (FieldMDP / signature field lock) were filled in: the issuing number and date. */
    static final String FIELDS_FILLED_IN = "FIELDS_FILLED_IN";

    static final Set<String> PERMITTED = Set.of(LATER_SIGNATURE, VALIDATION_DATA_ADDED, FIELDS_FILLED_IN);
    /**
     * Changes a reader sees on the page: the document shown is not the one signed. DSS's rendering hides
     * annotations added after signing, so an added annotation is reported here rather than as a content
     * change, and is as visible (the "evil annotation" of Mainka et al. 2021).
     */
    static final Set<String> VISIBLE = Set.of(PAGES_CHANGED, CONTENT_CHANGED, ANNOTATIONS_CHANGED);

    private static final int MAX_DETAILS = 5;
    /** What a field's new appearance stream changes besides the field: its box, length, font and resources. */
    private static final Set<String> FILL_IN_OBJECTS = Set.of("BBox", "Length", "Font", "XObject", "Resources",
            "Matrix", "Filter");

    private PdfChanges() {
    }

    /**
     * @param signedFields the field names of every signature and document time-stamp in the file: a new
     *                     field that carries one of them is a later signature, not a form change
     */
    static List<Explanation> of(PDFRevisionWrapper revision, Set<String> signedFields) {
        return of(revision, signedFields, null);
    }

    /**
     * @param changedFields the form fields whose value or appearance differs from the signed revision
     *                      ({@link FilledFields}), or null when unknown: when every one of them is a field the
     *                      signer's lock left open, the objects DSS reports for the fill-in (mostly without a
     *                      field name) are the fill-in and not a finding
     */
    static List<Explanation> of(PDFRevisionWrapper revision, Set<String> signedFields, Set<String> changedFields) {
        List<Explanation> changes = new ArrayList<>();
        if (revision == null) {
            return changes;
        }
        List<BigInteger> pages = revision.getPdfPageDifferenceConcernedPages();
        if (!pages.isEmpty()) {
            changes.add(new Explanation(PAGES_CHANGED,
                    "Số trang đã thay đổi sau khi ký (trang " + join(pages) + ") — không được phép",
                    "Pages were added or removed after signing (page " + join(pages) + ") — not permitted"));
        }
        List<BigInteger> visual = revision.getPdfVisualDifferenceConcernedPages();
        if (!visual.isEmpty()) {
            changes.add(new Explanation(CONTENT_CHANGED,
                    "Nội dung hiển thị của trang " + join(visual) + " đã thay đổi sau khi ký — không được phép",
                    "The visible content of page " + join(visual) + " changed after signing — not permitted"));
        }
        Set<String> laterSignatures = new LinkedHashSet<>();
        Set<String> forms = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        Set<String> filledIn = new LinkedHashSet<>();
        FieldLocks locks = FieldLocks.of(revision);
        boolean fillInOnly = changedFields != null && !changedFields.isEmpty()
                && changedFields.stream().allMatch(locks::leftOpen);
        if (fillInOnly) {
            filledIn.addAll(changedFields);
        }
        for (XmlObjectModification m : revision.getPdfSignatureOrFormFillChanges()) {
            // only a field that carries a later signature is one; an empty signature field's widget can
            // paint over content like any other form field
            if (m.getFieldName() != null && signedFields.contains(m.getFieldName())) {
                laterSignatures.add(String.valueOf(m.getFieldName()));
            } else if (fillInOnly && (m.getFieldName() == null || locks.leftOpen(m.getFieldName()))) {
                // the signer locked every other field and left these to be filled in (FieldMDP); no other
                // field's value or appearance differs, so the objects changed are the fill-in's
                filledIn.add(m.getFieldName() == null ? "?" : m.getFieldName());
            } else {
                forms.add(describe(m));
                if ("V".equals(m.getType() != null ? m.getType() : lastKey(m.getValue()))) {
                    values.add(m.getFieldName() == null ? "?" : m.getFieldName());
                }
            }
        }
        Set<String> annotations = new LinkedHashSet<>();
        for (XmlObjectModification m : revision.getPdfAnnotationChanges()) {
            if (m.getFieldName() != null && signedFields.contains(m.getFieldName())) {
                laterSignatures.add(m.getFieldName());
            } else {
                annotations.add(describe(m));
            }
        }
        if (!annotations.isEmpty()) {
            List<BigInteger> overlap = revision.getPdfAnnotationsOverlapConcernedPages();
            String vi = overlap.isEmpty() ? "" : "; che lên nội dung trang " + join(overlap);
            String en = overlap.isEmpty() ? "" : "; covering content of page " + join(overlap);
            changes.add(new Explanation(ANNOTATIONS_CHANGED,
                    "Chú thích (annotation) được thêm, sửa hoặc xóa sau khi ký: " + details(annotations) + vi
                            + " — không được phép",
                    "Annotations were added, changed or removed after signing: " + details(annotations) + en
                            + " — not permitted"));
        }
        if (!values.isEmpty()) {
            // a viewer that draws fields from their values (NeedAppearances) shows the new value even
            // where the old appearance stream, and so DSS's rendering, still shows the signed one
            changes.add(new Explanation(FIELD_VALUE_CHANGED,
                    "Giá trị của trường biểu mẫu (" + details(values) + ") đã bị thay đổi sau khi ký (tấn công che "
                            + "giấu qua biểu mẫu) — không được phép",
                    "The value of form field (" + details(values) + ") was changed after signing (shadow attack "
                            + "through forms) — not permitted"));
        }
        if (!forms.isEmpty()) {
            changes.add(new Explanation(FORM_CHANGED,
                    "Trường biểu mẫu bị thay đổi sau khi ký: " + details(forms) + " — không được phép",
                    "Form fields were changed after signing: " + details(forms) + " — not permitted"));
        }
        Set<String> objects = revision.getPdfUndefinedChanges().stream()
                .filter(m -> !(fillInOnly && FILL_IN_OBJECTS.contains(m.getType() != null ? m.getType()
                        : lastKey(m.getValue()))))
                .map(PdfChanges::describe)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!objects.isEmpty()) {
            changes.add(new Explanation(OBJECTS_CHANGED,
                    "Các đối tượng PDF bị thay đổi sau khi ký: " + details(objects) + " — không được phép",
                    "PDF objects were changed after signing: " + details(objects) + " — not permitted"));
        }
        certification(revision.getDocMDPPermissions(), laterSignatures, annotations, forms).ifPresent(changes::add);
        if (!laterSignatures.isEmpty()) {
            changes.add(new Explanation(LATER_SIGNATURE,
                    "Chữ ký số được thêm sau (" + details(laterSignatures) + ") — được phép",
                    "Later signatures were added (" + details(laterSignatures) + ") — permitted"));
        }
        filledIn.remove("?");
        if (!filledIn.isEmpty()) {
            changes.add(new Explanation(FIELDS_FILLED_IN,
                    "Trường biểu mẫu người ký để ngỏ (" + details(filledIn) + ") được điền sau khi ký, các trường khác "
                            + "bị khóa — được phép",
                    "Form fields the signer left open (" + details(filledIn) + ") were filled in after signing, every "
                            + "other field locked — permitted"));
        }
        if (!revision.getPdfExtensionChanges().isEmpty()) {
            changes.add(new Explanation(VALIDATION_DATA_ADDED,
                    "Bổ sung dữ liệu kiểm tra dài hạn hoặc dấu thời gian tài liệu — được phép",
                    "Long-term validation data or a document time-stamp was added — permitted"));
        }
        return changes;
    }

    static boolean permitted(Explanation change) {
        return PERMITTED.contains(change.code());
    }

    static boolean visible(Explanation change) {
        return VISIBLE.contains(change.code());
    }

    /** A change that makes the document red: visible, or one the certifying signer forbade. */
    static boolean red(Explanation change) {
        return visible(change) || CERTIFICATION_VIOLATED.equals(change.code())
                || FIELD_VALUE_CHANGED.equals(change.code());
    }

    /**
     * A certified document (DocMDP) names what may follow the certification: nothing but long-term data
     * (P=1), also form filling and signing (P=2), also annotations (P=3). Changes beyond that are the
     * "sneaky signature" (a signature added where none may be) and "evil annotation" attacks of Mainka
     * et al. 2021 when a viewer lets them through.
     */
    private static java.util.Optional<Explanation> certification(CertificationPermission permission,
            Set<String> laterSignatures, Set<String> annotations, Set<String> forms) {
        if (permission == null) {
            return java.util.Optional.empty();
        }
        boolean violated = switch (permission) {
            case NO_CHANGE_PERMITTED -> !laterSignatures.isEmpty() || !annotations.isEmpty() || !forms.isEmpty();
            case MINIMAL_CHANGES_PERMITTED -> !annotations.isEmpty();
            case CHANGES_PERMITTED -> false;
        };
        if (!violated) {
            return java.util.Optional.empty();
        }
        int p = permission.getCode();
        return java.util.Optional.of(new Explanation(CERTIFICATION_VIOLATED,
                "Văn bản được chứng nhận (DocMDP P=" + p + ") đã bị thay đổi theo cách người chứng nhận không cho"
                        + " phép (chữ ký hoặc chú thích thêm sau) — không được phép",
                "The certified document (DocMDP P=" + p + ") was changed in a way its certifier forbade (a "
                        + "signature or annotation added later) — not permitted"));
    }

    private static String describe(XmlObjectModification m) {
        String what = m.getType() != null ? m.getType() : lastKey(m.getValue());
        String action = m.getAction() == null ? "" : switch (m.getAction()) {
            case CREATION -> "+";
            case DELETION -> "−";
            case MODIFICATION -> "~";
        };
        return action + what + (m.getFieldName() == null ? "" : " " + m.getFieldName());
    }

    /** "/Catalog /Pages 2 0 R /Contents 22 0 R" → "Contents": the key that changed. */
    private static String lastKey(String path) {
        if (path == null) {
            return "?";
        }
        int slash = path.lastIndexOf('/');
        String tail = slash >= 0 ? path.substring(slash + 1) : path;
        int space = tail.indexOf(' ');
        return space > 0 ? tail.substring(0, space) : tail;
    }

    private static String details(Set<String> items) {
        String shown = items.stream().limit(MAX_DETAILS).collect(Collectors.joining(", "));
        return items.size() > MAX_DETAILS ? shown + ", … (" + items.size() + ")" : shown;
    }

    private static String join(List<BigInteger> pages) {
        return pages.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
    }
}
