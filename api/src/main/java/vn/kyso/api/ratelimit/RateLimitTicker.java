package vn.kyso.api.ratelimit;

/**
 * The rate limiter's clock, {@link System#nanoTime()} unless a bean replaces it: a test freezes it, so
 * that a slow machine cannot refill a bucket between the requests of one test and change its answer.
 */
@FunctionalInterface
interface RateLimitTicker {

    long nanoTime();
}
