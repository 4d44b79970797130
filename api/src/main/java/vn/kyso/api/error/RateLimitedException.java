package vn.kyso.api.error;

/** A client over its rate limit; answered with 429 and a Retry-After of {@link #retryAfterSeconds()}. */
public class RateLimitedException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(ApiError.RATE_LIMITED, "Too many requests from this client; retry after " + retryAfterSeconds
                + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
