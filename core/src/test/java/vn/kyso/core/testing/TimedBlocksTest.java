package vn.kyso.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner behind the benchmarks' figures: what it counts, not how fast anything is. */
class TimedBlocksTest {

    @Test
    void theFiguresAreSummedOverEveryBlockAndThread() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TimedBlocks blocks = new TimedBlocks();
        blocks.run(2, 3, calls::incrementAndGet);
        blocks.run(1, 4, calls::incrementAndGet);

        assertThat(calls).hasValue(10);
        LatencyStats stats = blocks.stats(2);
        assertThat(stats.operations()).isEqualTo(10);
        assertThat(stats.threads()).isEqualTo(2);
        assertThat(stats.seconds()).isPositive();
        assertThat(stats.perSecond()).isEqualTo(blocks.perSecond());
        assertThat(stats.p50Millis()).isEqualTo(blocks.percentile(50)).isLessThanOrEqualTo(stats.p95Millis());
        assertThat(blocks.percentile(100)).isGreaterThanOrEqualTo(blocks.mean());
        assertThat(LatencyStats.measure(2, 5, calls::incrementAndGet).operations()).isEqualTo(10);
    }

    @Test
    void aFailingOperationFailsTheRun() {
        TimedBlocks blocks = new TimedBlocks();
        assertThatThrownBy(() -> blocks.run(1, 2, () -> {
            throw new IllegalStateException("the contender failed");
        })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("the contender failed");
    }
}
