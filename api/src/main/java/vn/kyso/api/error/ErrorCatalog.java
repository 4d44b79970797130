package vn.kyso.api.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import vn.kyso.access.AccessError;
import vn.kyso.archive.ArchiveError;
import vn.kyso.audit.AuditError;
import vn.kyso.conversion.ConversionError;
import vn.kyso.core.ErrorCode;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.letters.LettersError;
import vn.kyso.signing.SigningError;
import vn.kyso.validation.ValidationError;

/**
 * Every problem code the API can answer with, once: each module's error enum, the web layer's own
 * ({@link ApiError}) and the codes given to Spring MVC's errors, each with its HTTP status and its title
 * in English and Vietnamese. The problem handler takes the Vietnamese titles from here, and the
 * documentation (docs/errors.md, the OpenAPI description) is checked against it, so a code is written
 * down in one place. A code shared by several modules (EMPTY_DOCUMENT, INVALID_REQUEST) means the same
 * cause everywhere and appears once.
 */
public final class ErrorCatalog {

    /** One code: its status, English title (the first module's) and Vietnamese title. */
    public record Entry(String code, int status, String titleEn, String titleVi) {
    }

    /** Codes Spring MVC's own errors get (ProblemHandler.codeOf), which no enum declares. */
    private static final List<Entry> WEB = List.of(
            new Entry("INTERNAL_ERROR", 500, "Internal server error", null),
            new Entry("NOT_FOUND", 404, "Not found", null),
            new Entry("METHOD_NOT_ALLOWED", 405, "Method not allowed", null),
            new Entry("NOT_ACCEPTABLE", 406, "Not acceptable", null),
            new Entry("UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported media type", null),
            new Entry("SERVICE_UNAVAILABLE", 503, "Service unavailable", null));

    private static final Properties VI = load("/problems/titles-vi.properties");
    private static final Map<String, Entry> ENTRIES = build();

    private ErrorCatalog() {
    }

    /** Every code, the web layer's first, then the modules' in the order of the module graph. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The Vietnamese title of a code, or null for a code the catalogue does not hold. */
    public static String titleVi(String code) {
        return VI.getProperty(code);
    }

    /** The entry of a code, or null. */
    public static Entry entry(String code) {
        return ENTRIES.get(code);
    }

    /** The codes one error enum declares, in its order (for the OpenAPI description's fallback per module). */
    public static List<String> codesOf(Class<? extends ErrorCode> errors) {
        ErrorCode[] values = errors.getEnumConstants();
        if (values == null) {
            throw new IllegalArgumentException(errors + " is not an error enum");
        }
        return Stream.of(values).map(ErrorCode::code).toList();
    }

    /** Every module's error enum; a new module's enum is added here at the end. */
    static List<ErrorCode> enumConstants() {
        List<ErrorCode> all = new ArrayList<>();
        Stream.of(ApiError.values(), AccessError.values(), SigningError.values(), ValidationError.values(),
                        ConversionError.values(), AuditError.values(), ArchiveError.values(), ExchangeError.values(),
                        LettersError.values())
                .forEach(values -> Collections.addAll(all, values));
        return all;
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (ErrorCode c : enumConstants()) {
            map.putIfAbsent(c.code(), new Entry(c.code(), status(c), c.title(), VI.getProperty(c.code())));
        }
        for (Entry e : WEB) {
            map.putIfAbsent(e.code(), new Entry(e.code(), e.status(), e.titleEn(), VI.getProperty(e.code())));
        }
        return map;
    }

    /**
     * The status a code is answered with: its kind's, except the two the web layer answers with a status
     * of their own (the security filters' 401, the rate limit's 429).
     */
    private static int status(ErrorCode code) {
        if (code == ApiError.UNAUTHENTICATED) {
            return 401;
        }
        if (code == ApiError.RATE_LIMITED) {
            return 429;
        }
        return ProblemHandler.statusOf(code.kind()).value();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ErrorCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
