package vn.kyso.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    long now = 1_000_000_000L;

    /** 30 a minute is one token every 2 s; a burst of 10. */
    final TokenBuckets buckets = new TokenBuckets(30, 10, 3, () -> now);

    @Test
    void aBurstThenOneRequestPerRefill() {
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("a")).as("request %d", i).isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(2);
        advanceMillis(1500);
        assertThat(buckets.take("a")).as("half a second short of a token").isEqualTo(1);
        advanceMillis(500);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(2);
    }

    @Test
    void refusedRequestsSpendNothing() {
        drain("a");
        for (int i = 0; i < 100; i++) {
            buckets.take("a");
        }
        advanceMillis(2000);
        assertThat(buckets.take("a")).isZero();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        drain("a");
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }

    @Test
    void theBucketRefillsOnlyUpToTheBurst() {
        drain("a");
        advanceMillis(TimeUnit.HOURS.toMillis(1));
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void idleClientsAreForgotten() {
        buckets.take("a");
        buckets.take("b");
        assertThat(buckets.clients()).isEqualTo(2);
        advanceMillis(20_000); // a full refill: their buckets are as good as new
        buckets.take("c");
        assertThat(buckets.clients()).isEqualTo(1);
    }

    @Test
    void theMapIsCappedByForgettingTheStalestClient() {
        drain("a");
        drain("b");
        drain("c");
        advanceMillis(100);
        buckets.take("b"); // b is now more recent than a
        buckets.take("d");
        assertThat(buckets.clients()).isEqualTo(3);
        assertThat(buckets.take("b")).as("b is still remembered").isPositive();
        assertThat(buckets.take("a")).as("a was forgotten and starts afresh").isZero();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(0, 1, 1, System::nanoTime));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(1, 0, 1, System::nanoTime));
    }

    private void drain(String client) {
        while (buckets.take(client) == 0) {
            // spend the burst
        }
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
