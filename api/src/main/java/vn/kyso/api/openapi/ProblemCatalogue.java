package vn.kyso.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import vn.kyso.access.AccessError;
import vn.kyso.api.error.ApiError;
import vn.kyso.archive.ArchiveError;
import vn.kyso.audit.AuditError;
import vn.kyso.conversion.ConversionError;
import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.letters.LettersError;
import vn.kyso.signing.SigningError;
import vn.kyso.validation.ValidationError;

/**
 * Which problem codes each part of the API can answer with, from the modules' error enums themselves: a
 * code added to an enum appears in the description without anyone editing it.
 */
final class ProblemCatalogue {

    /** Path prefixes and the module errors their operations surface, first match wins. */
    private static final List<Map.Entry<String, List<ErrorCode>>> AREAS = List.of(
            Map.entry("/api/v1/keys", codes(SigningError.values())),
            Map.entry("/api/v1/signatures", codes(SigningError.values())),
            Map.entry("/api/v1/validations", codes(ValidationError.values())),
            Map.entry("/api/v1/conversions", codes(ConversionError.values())),
            Map.entry("/api/v1/records", codes(ArchiveError.values())),
            Map.entry("/api/v1/files", codes(ArchiveError.values())),
            Map.entry("/api/v1/issued-documents", codes(ArchiveError.values())),
            Map.entry("/api/v1/disposal-lists", codes(ArchiveError.values())),
            Map.entry("/api/v1/archive-jobs", codes(ArchiveError.values())),
            Map.entry("/api/v1/exchange", codes(ExchangeError.values(), ArchiveError.values())),
            Map.entry("/api/v1/letters", codes(LettersError.values(), SigningError.values(),
                    ConversionError.values())),
            Map.entry("/api/v1/audit", codes(AuditError.values())),
            Map.entry("/api/v1/admin", codes(AccessError.values())));

    /** Codes the web layer answers before any module: 413 for an upload over the limit, 500 for a defect. */
    static final String UPLOAD_TOO_LARGE = "UPLOAD_TOO_LARGE";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ProblemCatalogue() {
    }

    /**
     * Status → codes for one operation.
     *
     * @param isPublic  no authentication: rate-limited (429) instead of 401/403
     * @param uploads   a multipart body: 413 for an upload over the limit
     */
    static Map<Integer, TreeSet<String>> codes(String path, boolean isPublic, boolean uploads) {
        Map<Integer, TreeSet<String>> byStatus = new TreeMap<>();
        List<ErrorCode> codes = new ArrayList<>();
        AREAS.stream().filter(a -> path.startsWith(a.getKey())).findFirst()
                .ifPresent(a -> codes.addAll(a.getValue()));
        codes.add(ApiError.INVALID_REQUEST);
        codes.add(ApiError.SERVICE_NOT_CONFIGURED);
        if (isPublic) {
            codes.add(ApiError.RATE_LIMITED);
        } else {
            codes.add(ApiError.UNAUTHENTICATED);
            codes.add(ApiError.FORBIDDEN);
        }
        if (path.startsWith("/api/v1/signatures") || path.startsWith("/api/v1/letters")) {
            codes.add(ApiError.KEY_NOT_YOURS);
            codes.add(ApiError.SIGNATURE_NOT_AUDITED);
        }
        if (path.startsWith("/api/v1/archive-jobs")) {
            codes.add(ApiError.JOB_NOT_FOUND);
        }
        for (ErrorCode c : codes) {
            byStatus.computeIfAbsent(status(c), s -> new TreeSet<>()).add(c.code());
        }
        if (uploads) {
            byStatus.computeIfAbsent(413, s -> new TreeSet<>()).add(UPLOAD_TOO_LARGE);
        }
        byStatus.computeIfAbsent(500, s -> new TreeSet<>()).add(INTERNAL_ERROR);
        return byStatus;
    }

    /** The HTTP status a code is answered with, as ProblemHandler and the security layer answer it. */
    static int status(ErrorCode code) {
        if (code == ApiError.UNAUTHENTICATED) {
            return 401;
        }
        if (code == ApiError.RATE_LIMITED) {
            return 429;
        }
        return status(code.kind());
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** Every code of every area, for tests that check the list is complete. */
    static Stream<ErrorCode> all() {
        return AREAS.stream().flatMap(a -> a.getValue().stream()).distinct();
    }

    private static List<ErrorCode> codes(ErrorCode[]... sets) {
        List<ErrorCode> all = new ArrayList<>();
        for (ErrorCode[] set : sets) {
            all.addAll(Arrays.asList(set));
        }
        return List.copyOf(all);
    }
}
