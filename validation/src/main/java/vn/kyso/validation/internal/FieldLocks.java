package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlPDFLockDictionary;
import eu.europa.esig.dss.enumerations.PdfLockAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The form fields a signature leaves open to be filled in after it (ISO 32000-1 12.8.2.4 FieldMDP and the
 * signature field lock of 12.7.4.5): with {@code /Action /Exclude} every field but those listed is locked,
 * with {@code /Include} only those listed, with {@code /All} every field. A signature without a lock
 * leaves nothing open here, stricter than the standard, because filling in a field after such a signature
 * is how the shadow attack through forms replaces what was signed; a signer who means a field to be filled
 * later says so with a lock. When the signature field's lock and the signature's FieldMDP reference both
 * exist, a field is open only if both leave it open.
 */
final class FieldLocks {

    private static final FieldLocks NONE = new FieldLocks(List.of());

    private final List<XmlPDFLockDictionary> locks;

    private FieldLocks(List<XmlPDFLockDictionary> locks) {
        this.locks = locks;
    }

    static FieldLocks of(PDFRevisionWrapper revision) {
        if (revision == null) {
            return NONE;
        }
        List<XmlPDFLockDictionary> locks = new ArrayList<>(2);
        if (revision.getSigFieldLock() != null) {
            locks.add(revision.getSigFieldLock());
        }
        if (revision.getFieldMDP() != null) {
            locks.add(revision.getFieldMDP());
        }
        return locks.isEmpty() ? NONE : new FieldLocks(List.copyOf(locks));
    }

    /** Whether the signature locks nothing: then no field is {@link #leftOpen(String) left open} either. */
    boolean none() {
        return locks.isEmpty();
    }

    /** Whether every lock of the signature leaves {@code field} (its fully qualified name) open. */
    boolean leftOpen(String field) {
        if (locks.isEmpty()) {
            return false;
        }
        for (XmlPDFLockDictionary lock : locks) {
            PdfLockAction action = lock.getAction();
            List<String> fields = lock.getFields() == null ? List.of() : lock.getFields();
            boolean open = action == PdfLockAction.EXCLUDE ? fields.contains(field)
                    : action == PdfLockAction.INCLUDE && !fields.contains(field);
            if (!open) {
                return false;
            }
        }
        return true;
    }
}
