package vn.kyso.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.requestid.RequestIds;
import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;
import vn.kyso.core.ServiceException;

/**
 * Turns every failure into an RFC 9457 problem. Extending {@link ResponseEntityExceptionHandler} brings
 * Spring MVC's own errors (missing part, wrong method, unknown path, upload too large) through the same
 * {@link #handleExceptionInternal} as ours, so every error body has the same shape.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:kyso:problem:";
    static final String RETRY_AFTER_SECONDS = "30";
    static final String UNEXPECTED_DETAIL = "An unexpected error occurred. Quote the errorId when reporting it.";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String CODE = "code";
    private static final String ERROR_ID = "errorId";

    private final ObjectProvider<ApiSettings> settings;

    ProblemHandler(ObjectProvider<ApiSettings> settings) {
        this.settings = settings;
    }

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<Object> handleServiceException(ServiceException ex, WebRequest request) {
        ErrorCode error = ex.errorCode();
        HttpStatus status = statusOf(error.kind());
        HttpHeaders headers = new HttpHeaders();
        if (error.kind() == ErrorKind.UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        ProblemDetail problem = problem(status, error, ex.getMessage());
        ex.details().forEach(problem::setProperty);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Before {@link #handleServiceException}, which would say 503: the client, not a dependency, must slow down. */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> handleRateLimited(RateLimitedException ex, WebRequest request) {
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
        ProblemDetail problem = problem(status, ex.errorCode(), ex.getMessage());
        problem.setProperty(ProblemTexts.DETAIL_VI, "Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau "
                + ex.retryAfterSeconds() + " giây.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Our records validate in their constructors and say what is wrong in words meant for the client.
     * Any other IllegalArgumentException (JDK, library) is a defect whose message may name classes, so
     * it is treated as unexpected.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> handleIllegalArgument(IllegalArgumentException ex, WebRequest request) {
        if (!thrownByOurConstructor(ex)) {
            return handleUnexpected(ex, request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ApiError.INVALID_REQUEST, ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, UNEXPECTED_DETAIL);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    /** Names the offending fields but not the converter's message, which quotes Java type names. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String fields = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> "'" + e.getField() + "'")
                .distinct()
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                fields.isEmpty() ? "Invalid request parameters" : "Invalid value for " + fields);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A file part sent where a text field is expected has no converter, which Spring reports as a
     * server error; it is the client's mistake, so it gets a 400 naming the field.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!isUpload(ex.getValue())) {
            return super.handleConversionNotSupported(ex, headers, status, request);
        }
        String name = ex instanceof MethodArgumentConversionNotSupportedException m
                ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ApiError.INVALID_REQUEST,
                "'" + name + "' must be a text field, not a file");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The container's multipart limit and the endpoints' own check of {@code kyso.api.max-upload-size}
     * both land here: one code, UPLOAD_TOO_LARGE, with the limit in the text and as {@code maxUploadBytes}.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiSettings s = settings.getIfAvailable();
        long limit = s != null ? s.maxUploadSize().toBytes() : ex.getMaxUploadSize();
        HttpStatus tooLarge = HttpStatus.CONTENT_TOO_LARGE;
        ProblemDetail problem;
        if (limit > 0) {
            String[] text = ProblemTexts.uploadTooLarge(limit);
            problem = problem(tooLarge, ApiError.UPLOAD_TOO_LARGE, text[0]);
            problem.setProperty(ProblemTexts.MAX_UPLOAD_BYTES, limit);
            problem.setProperty(ProblemTexts.DETAIL_VI, text[1]);
        } else {
            problem = problem(tooLarge, ApiError.UPLOAD_TOO_LARGE, "The upload is larger than the server accepts.");
        }
        return handleExceptionInternal(ex, problem, headers, tooLarge, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        String code = problem.getProperties() != null && problem.getProperties().get(CODE) instanceof String c
                ? c : null;
        if (code == null) {
            code = codeOf(status);
            problem.setProperty(CODE, code);
            if (ApiError.INVALID_REQUEST.code().equals(code)) {
                problem.setTitle(ApiError.INVALID_REQUEST.title());
            }
        }
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        problem.setInstance(pathOf(servletRequest));
        RequestIds.of(servletRequest).ifPresent(id -> problem.setProperty(RequestIds.MDC_KEY, id));
        if (status.is5xxServerError()) {
            if (!(ex instanceof ServiceException)) {
                // Spring's own 5xx details quote values and Java types; only our messages are client-safe.
                problem.setDetail(UNEXPECTED_DETAIL);
            }
            String errorId = UUID.randomUUID().toString();
            problem.setProperty(ERROR_ID, errorId);
            logServerError(servletRequest, status, code, errorId, ex);
        } else {
            log.debug("{} {} rejected with {}: {}", servletRequest.getMethod(), servletRequest.getRequestURI(),
                    code, problem.getDetail());
        }
        ProblemLanguage language = ProblemLanguage.of(servletRequest.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemTexts.localise(problem, code, language);
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        out.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        // Set explicitly so the problem is written as problem+json whatever the client asked to Accept.
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, problem, out, status, request);
    }

    static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** Codes for Spring MVC's own errors, which carry a status but no code of ours. */
    private static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ApiError.INVALID_REQUEST.code();
            case 413 -> "UPLOAD_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.name() : "HTTP_" + status.value();
            }
        };
    }

    private static ProblemDetail problem(HttpStatus status, ErrorCode error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(error.title());
        problem.setProperty(CODE, error.code());
        return problem;
    }

    private static boolean isUpload(Object value) {
        if (value instanceof MultipartFile || value instanceof MultipartFile[]) {
            return true;
        }
        return value instanceof Collection<?> c && c.stream().anyMatch(MultipartFile.class::isInstance);
    }

    private static boolean thrownByOurConstructor(Throwable ex) {
        StackTraceElement[] trace = ex.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("vn.kyso.")
                && "<init>".equals(trace[0].getMethodName());
    }

    private static URI pathOf(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null; // a path the container let through but java.net.URI rejects: omit it
        }
    }

    private static void logServerError(HttpServletRequest request, HttpStatusCode status, String code,
            String errorId, Exception ex) {
        String message = "{} {} failed with {} {} [errorId={}]";
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // A dependency is down: worth a warning with the cause, not an alert for a defect.
            log.warn(message, request.getMethod(), request.getRequestURI(), status.value(), code, errorId, ex);
        } else {
            log.error(message, request.getMethod(), request.getRequestURI(), status.value(), code, errorId, ex);
        }
    }
}
