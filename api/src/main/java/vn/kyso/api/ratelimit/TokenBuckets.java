package vn.kyso.api.ratelimit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in bounded memory. The map is kept in access order, so its head is the
 * client seen longest ago: a bucket untouched for {@link #refillNanos} has refilled completely and is
 * the same as a new one, so forgetting it loses nothing, and the walk from the head stops at the first
 * recent client (amortised constant time). Under a flood of addresses the map is capped, and the
 * stalest client is forgotten: it gets a fresh burst, the least harm available.
 *
 * <p>One lock for the whole map: each call is a few arithmetic operations, orders of magnitude cheaper
 * than the validation it guards.
 */
final class TokenBuckets {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double tokensPerNano;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Bucket> buckets;

    TokenBuckets(int requestsPerMinute, int burst, int maxClients, LongSupplier nanoTime) {
        if (requestsPerMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate, burst and maxClients must be positive");
        }
        this.capacity = burst;
        this.tokensPerNano = requestsPerMinute / (60 * NANOS_PER_SECOND);
        this.refillNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** @return 0 when the client may go ahead (a token is spent), else the whole seconds until it may */
    synchronized long take(String client) {
        long now = nanoTime.getAsLong();
        forgetIdle(now);
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = new Bucket(capacity, now);
            buckets.put(client, bucket);
        }
        bucket.refill(now, capacity, tokensPerNano);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        double seconds = (1 - bucket.tokens) / tokensPerNano / NANOS_PER_SECOND;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private void forgetIdle(long now) {
        Iterator<Bucket> oldestFirst = buckets.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().updated >= refillNanos) {
            oldestFirst.remove();
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double capacity, double tokensPerNano) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
