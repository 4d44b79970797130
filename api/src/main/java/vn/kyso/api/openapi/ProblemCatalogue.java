package vn.kyso.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.kyso.access.AccessError;
import vn.kyso.api.audit.AuditTrail;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ErrorCatalog;
import vn.kyso.api.upload.EncryptedPdfs;
import vn.kyso.archive.ArchiveError;
import vn.kyso.audit.AuditError;
import vn.kyso.conversion.ConversionError;
import vn.kyso.core.ErrorCode;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.letters.LettersError;
import vn.kyso.signing.SigningError;
import vn.kyso.validation.ValidationError;

/**
 * Which problem codes each operation can answer with. Codes, statuses and titles come from the one list,
 * {@link ErrorCatalog}; what is known here is which codes an operation raises: those its controller method
 * declares ({@link ProblemCodes}), or, for an operation that declares none yet, every code of the module
 * behind its path. The web layer's own answers are added to each, and those a rule decides: an upload's
 * causes (an empty file, one over the limit, an encrypted PDF where it is refused) and a signature withheld
 * for want of its audit entry.
 */
final class ProblemCatalogue {

    /** Path prefixes and the modules behind them, for operations without {@link ProblemCodes}; first match wins. */
    private static final List<Map.Entry<String, List<Class<? extends ErrorCode>>>> AREAS = List.of(
            Map.entry("/api/v1/keys", List.of(SigningError.class)),
            Map.entry("/api/v1/signatures", List.of(SigningError.class)),
            Map.entry("/api/v1/validations", List.of(ValidationError.class)),
            Map.entry("/api/v1/conversions", List.of(ConversionError.class)),
            Map.entry("/api/v1/records", List.of(ArchiveError.class)),
            Map.entry("/api/v1/files", List.of(ArchiveError.class)),
            Map.entry("/api/v1/issued-documents", List.of(ArchiveError.class)),
            Map.entry("/api/v1/disposal-lists", List.of(ArchiveError.class)),
            Map.entry("/api/v1/archive-jobs", List.of(ArchiveError.class)),
            Map.entry("/api/v1/exchange", List.of(ExchangeError.class, ArchiveError.class)),
            Map.entry("/api/v1/letters", List.of(LettersError.class, SigningError.class, ConversionError.class)),
            Map.entry("/api/v1/audit", List.of(AuditError.class)),
            Map.entry("/api/v1/admin", List.of(AccessError.class)));

    private ProblemCatalogue() {
    }

    /**
     * Status → codes for one operation.
     *
     * @param method    the HTTP method, upper case
     * @param declared  the codes its method declares ({@link ProblemCodes}), or null when it declares none
     * @param isPublic  no authentication: rate-limited (429) instead of 401/403
     * @param uploads   a multipart body: the upload guard's causes (an empty file, one over the limit)
     */
    static Map<Integer, TreeSet<String>> codes(String method, String path, List<String> declared, boolean isPublic,
            boolean uploads) {
        List<String> codes = new ArrayList<>();
        if (declared != null) {
            codes.addAll(declared);
        } else {
            AREAS.stream().filter(a -> path.startsWith(a.getKey())).findFirst()
                    .ifPresent(a -> a.getValue().forEach(c -> codes.addAll(ErrorCatalog.codesOf(c))));
            if (path.startsWith("/api/v1/signatures") || path.startsWith("/api/v1/letters")) {
                codes.add(ApiError.KEY_NOT_YOURS.code());
            }
        }
        // The web layer's own answers: a malformed request, a module this server does not run, a defect.
        codes.add(ApiError.INVALID_REQUEST.code());
        codes.add(ApiError.SERVICE_NOT_CONFIGURED.code());
        codes.add("INTERNAL_ERROR");
        if (isPublic) {
            codes.add(ApiError.RATE_LIMITED.code());
        } else {
            codes.add(ApiError.UNAUTHENTICATED.code());
            codes.add(ApiError.FORBIDDEN.code());
        }
        if (uploads) {
            codes.add(ApiError.UPLOAD_TOO_LARGE.code());
            codes.add(ApiError.EMPTY_DOCUMENT.code());
            if (EncryptedPdfs.refusedAt(path)) {
                codes.add(ApiError.ENCRYPTED_PDF.code());
            }
        }
        // A signature whose audit entry is lost is withheld (DurableAuditFilter), whatever signed it.
        if (AuditTrail.signs(method, path)) {
            codes.add(ApiError.SIGNATURE_NOT_AUDITED.code());
        }
        Map<Integer, TreeSet<String>> byStatus = new TreeMap<>();
        for (String c : codes) {
            byStatus.computeIfAbsent(status(c), s -> new TreeSet<>()).add(c);
        }
        return byStatus;
    }

    /** The HTTP status a code is answered with, from the catalogue. */
    static int status(String code) {
        ErrorCatalog.Entry entry = ErrorCatalog.entry(code);
        if (entry == null) {
            throw new IllegalStateException("problem code " + code + " is not in ErrorCatalog");
        }
        return entry.status();
    }
}
