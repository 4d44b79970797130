package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The leader/follower batcher on plain values: appends that wait while a commit is in flight share the next. */
class GroupCommitTest {

    static final class Item implements GroupCommit.Item {
        final int n;
        volatile boolean done;

        Item(int n) {
            this.n = n;
        }

        @Override
        public boolean done() {
            return done;
        }
    }

    @Test
    void appendsWaitingDuringACommitGoIntoTheNextOne() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Item> commits = new GroupCommit<>(100, batch -> {
            batches.add(batch.stream().map(i -> i.n).toList());
            if (batches.size() == 1) {
                firstCommitStarted.countDown();
                await(releaseFirst);
            }
            batch.forEach(i -> i.done = true);
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> commits.submit(new Item(0))));
            await(firstCommitStarted);
            List<Item> followers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Item item = new Item(i);
                followers.add(item);
                calls.add(pool.submit(() -> commits.submit(item)));
            }
            // Every follower is queued behind the commit in flight before it is let go.
            while (queued(commits) < 5) {
                Thread.onSpinWait();
            }
            releaseFirst.countDown();
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(followers).allMatch(Item::done);
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongQueueIsCutIntoBatchesOfAtMostTheLimit() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        GroupCommit<Item> commits = new GroupCommit<>(3, batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            batch.forEach(i -> i.done = true);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> commits.submit(new Item(0))));
            await(firstStarted);
            for (int i = 1; i <= 7; i++) {
                int n = i;
                calls.add(pool.submit(() -> commits.submit(new Item(n))));
            }
            while (queued(commits) < 7) {
                Thread.onSpinWait();
            }
            releaseFirst.countDown();
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(sizes).containsExactly(1, 3, 3, 1);
        } finally {
            pool.shutdownNow();
        }
    }

    static int queued(GroupCommit<?> commits) {
        return commits.queued();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
