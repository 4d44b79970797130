package vn.kyso.audit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Leader/follower group commit. A caller queues its item; if no commit is in flight it becomes the
 * leader, takes everything queued (up to {@code maxBatch}) and writes it as one batch; callers that
 * arrive meanwhile wait and go into the next batch. So one commit (one WAL flush) serves many appends
 * when they are concurrent, and a lone append still commits at once: nothing waits on a timer.
 *
 * @param <T> a queued item; the writer completes each one (result or failure) before returning
 */
final class GroupCommit<T extends GroupCommit.Item> {

    /** Something written in a batch; {@link #done()} is read under the batcher's lock. */
    interface Item {
        boolean done();
    }

    private final int maxBatch;
    private final Consumer<List<T>> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private boolean leading;

    /** @param writer writes the batch and marks every item done, failed ones included */
    GroupCommit(int maxBatch, Consumer<List<T>> writer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** How many items wait for a commit (for tests that line callers up). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Returns once {@code item} was written (or failed) in some batch, led by this thread or another. */
    void submit(T item) {
        lock.lock();
        try {
            queue.addLast(item);
            while (true) {
                while (leading && !item.done()) {
                    written.awaitUninterruptibly();
                }
                if (item.done()) {
                    return;
                }
                leading = true;
                List<T> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                while (!queue.isEmpty() && batch.size() < maxBatch) {
                    batch.add(queue.pollFirst());
                }
                lock.unlock();
                try {
                    writer.accept(batch);
                } finally {
                    lock.lock();
                    leading = false;
                    written.signalAll();
                }
                // Our own item may have been beyond maxBatch in a long queue: lead (or wait) again.
            }
        } finally {
            lock.unlock();
        }
    }
}
