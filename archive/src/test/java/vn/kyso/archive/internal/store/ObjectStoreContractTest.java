package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStore.ObjectInfo;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/**
 * The rules of {@link ObjectStore}, run against every adapter. Each test works under its own key
 * prefix, so adapters may share one backend (a bucket) between tests.
 */
abstract class ObjectStoreContractTest {

    private static final PutOptions PDF = PutOptions.of("application/pdf");

    protected ObjectStore store;
    /** A prefix no other test uses, ending in "/". */
    protected String ns;

    /** A store for one test; it may share its backend with other tests. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        ns = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "/";
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void putThenReadReturnsTheSameBytesAndMetadata() {
        byte[] content = "Quyết định số 12/QĐ-UBND".getBytes(StandardCharsets.UTF_8);

        ObjectInfo put = store.put(ns + "a/original.pdf", content, PDF);

        assertThat(put).isEqualTo(new ObjectInfo(ns + "a/original.pdf", content.length, "application/pdf", null, false));
        assertThat(store.read(ns + "a/original.pdf")).isEqualTo(content);
        assertThat(store.stat(ns + "a/original.pdf")).contains(put);
    }

    @Test
    void openStreamsTheContent() throws Exception {
        store.put(ns + "streamed", new byte[] {1, 2, 3}, PutOptions.of(null));

        try (InputStream in = store.open(ns + "streamed")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(store.stat(ns + "streamed")).get().extracting(ObjectInfo::contentType)
                .isEqualTo("application/octet-stream");
    }

    @Test
    void storesAnEmptyObject() {
        store.put(ns + "empty", new byte[0], PDF);

        assertThat(store.read(ns + "empty")).isEmpty();
        assertThat(store.stat(ns + "empty")).get().extracting(ObjectInfo::size).isEqualTo(0L);
    }

    @Test
    void storesFiveMegabytesOfEveryByteValueIntact() {
        byte[] content = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(content);
        for (int i = 0; i < 256; i++) {
            content[i] = (byte) i; // every byte value, including CR, LF and NUL
        }

        store.put(ns + "big.bin", content, PutOptions.of("application/octet-stream"));

        assertThat(store.read(ns + "big.bin")).isEqualTo(content);
        assertThat(store.stat(ns + "big.bin")).get().extracting(ObjectInfo::size).isEqualTo((long) content.length);
    }

    @Test
    void neverOverwritesAndKeepsTheOriginal() {
        store.put(ns + "once", "original".getBytes(StandardCharsets.UTF_8), PDF);

        assertReason(() -> store.put(ns + "once", "forgery".getBytes(StandardCharsets.UTF_8), PDF),
                Reason.ALREADY_EXISTS);
        assertThat(store.read(ns + "once")).asString(StandardCharsets.UTF_8).isEqualTo("original");
        assertThat(store.stat(ns + "once")).get().extracting(ObjectInfo::contentType).isEqualTo("application/pdf");
    }

    @Test
    void concurrentPutsOfOneKeyHaveExactlyOneWinner() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int writer = i;
                Callable<Integer> put = () -> {
                    go.await();
                    try {
                        store.put(ns + "contested", new byte[] {(byte) writer}, PDF);
                        return writer;
                    } catch (ObjectStoreException e) {
                        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
                        return -1;
                    }
                };
                results.add(pool.submit(put));
            }
            go.countDown();
            List<Integer> winners = new ArrayList<>();
            for (Future<Integer> result : results) {
                int writer = result.get(60, TimeUnit.SECONDS);
                if (writer >= 0) {
                    winners.add(writer);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(store.read(ns + "contested")).containsExactly(winners.get(0).byteValue());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingObjectsAreNotFound() {
        assertThat(store.stat(ns + "missing")).isEmpty();
        assertReason(() -> store.open(ns + "missing").close(), Reason.NOT_FOUND);
        assertReason(() -> store.read(ns + "missing"), Reason.NOT_FOUND);
        assertReason(() -> store.delete(ns + "missing"), Reason.NOT_FOUND);
        assertReason(() -> store.extendRetention(ns + "missing", Instant.now().plusSeconds(60)), Reason.NOT_FOUND);
        assertReason(() -> store.setLegalHold(ns + "missing", true), Reason.NOT_FOUND);
    }

    @Test
    void listsKeysUnderAPrefixInLexicalOrder() {
        for (String key : List.of("b/2", "a/1", "b/10", "b/1", "a", "bc/1", "b/sub/x")) {
            store.put(ns + key, new byte[] {1}, PDF);
        }

        assertThat(store.list(ns + "b/")).containsExactly(ns + "b/1", ns + "b/10", ns + "b/2", ns + "b/sub/x");
        assertThat(store.list(ns + "b")).containsExactly(
                ns + "b/1", ns + "b/10", ns + "b/2", ns + "b/sub/x", ns + "bc/1");
        assertThat(store.list(ns)).containsExactly(
                ns + "a", ns + "a/1", ns + "b/1", ns + "b/10", ns + "b/2", ns + "b/sub/x", ns + "bc/1");
        assertThat(store.list(ns + "nothing/")).isEmpty();
        assertThat(store.list("")).contains(ns + "a", ns + "bc/1").isSorted();
    }

    @Test
    void listsInPagesAfterAKeyInLexicalOrder() {
        for (int i = 0; i < 7; i++) {
            store.put(ns + "p/" + i, new byte[] {1}, PDF);
        }
        store.put(ns + "q", new byte[] {1}, PDF);

        assertThat(store.listPage(ns + "p/", null, 3)).containsExactly(ns + "p/0", ns + "p/1", ns + "p/2");
        assertThat(store.listPage(ns + "p/", ns + "p/2", 3)).containsExactly(ns + "p/3", ns + "p/4", ns + "p/5");
        assertThat(store.listPage(ns + "p/", ns + "p/5", 3)).containsExactly(ns + "p/6");
        assertThat(store.listPage(ns + "p/", ns + "p/6", 3)).isEmpty();
        assertThat(store.listPage(ns, null, 100)).isEqualTo(store.list(ns));
    }

    @Test
    void deletesAnUnprotectedObjectAndFreesItsKey() {
        store.put(ns + "draft", new byte[] {1}, PDF);

        store.delete(ns + "draft");

        assertThat(store.stat(ns + "draft")).isEmpty();
        assertThat(store.list(ns)).isEmpty();
        store.put(ns + "draft", new byte[] {2}, PDF);
        assertThat(store.read(ns + "draft")).containsExactly(2);
    }

    @Test
    void retentionRefusesDeletesUntilItsDateThenAllowsThem() throws Exception {
        Instant until = Instant.now().plusSeconds(2);
        store.put(ns + "retained", new byte[] {7}, new PutOptions("application/pdf", until));

        assertReason(() -> store.delete(ns + "retained"), Reason.RETENTION_ACTIVE);
        assertThat(store.read(ns + "retained")).containsExactly(7);

        Instant retainUntil = store.stat(ns + "retained").orElseThrow().retainUntil();
        sleepUntil(retainUntil.plusMillis(300));
        store.delete(ns + "retained");
        assertThat(store.stat(ns + "retained")).isEmpty();
    }

    @Test
    void keepsTheRetentionDateToTheSecondRoundedUp() {
        Instant asked = Instant.now().plus(Duration.ofDays(3650)).plusMillis(1);

        store.put(ns + "ten-years", new byte[] {1}, new PutOptions("application/pdf", asked));

        Instant kept = store.stat(ns + "ten-years").orElseThrow().retainUntil();
        assertThat(kept).isAfterOrEqualTo(asked).isBefore(asked.plusSeconds(1));
        assertThat(kept.getNano()).isZero();
    }

    @Test
    void retentionCanBeExtendedButNeverShortened() {
        Instant first = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store.put(ns + "record", new byte[] {1}, new PutOptions("application/pdf", first));

        store.extendRetention(ns + "record", first.plus(Duration.ofDays(30)));
        assertThat(store.stat(ns + "record")).get().extracting(ObjectInfo::retainUntil)
                .isEqualTo(first.plus(Duration.ofDays(30)));

        assertReason(() -> store.extendRetention(ns + "record", first.plus(Duration.ofDays(2))),
                Reason.RETENTION_ACTIVE);
        assertThat(store.stat(ns + "record")).get().extracting(ObjectInfo::retainUntil)
                .isEqualTo(first.plus(Duration.ofDays(30)));
        assertReason(() -> store.delete(ns + "record"), Reason.RETENTION_ACTIVE);
    }

    @Test
    void retentionCanBeAddedToAnObjectStoredWithoutOne() {
        store.put(ns + "later", new byte[] {1}, PDF);
        Instant until = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        store.extendRetention(ns + "later", until);

        assertThat(store.stat(ns + "later")).get().extracting(ObjectInfo::retainUntil).isEqualTo(until);
        assertReason(() -> store.delete(ns + "later"), Reason.RETENTION_ACTIVE);
        assertThat(store.read(ns + "later")).containsExactly(1);
    }

    @Test
    void theFirstRetentionOfAFreshObjectIsSetAndHeld() {
        store.put(ns + "fresh", new byte[] {4}, PDF);
        Instant until = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        store.retainNew(ns + "fresh", until);

        assertThat(store.stat(ns + "fresh")).get().extracting(ObjectInfo::retainUntil).isEqualTo(until);
        assertReason(() -> store.delete(ns + "fresh"), Reason.RETENTION_ACTIVE);
        assertReason(() -> store.retainNew(ns + "fresh", until.minus(Duration.ofHours(1))), Reason.RETENTION_ACTIVE);
        assertThat(store.stat(ns + "fresh")).get().extracting(ObjectInfo::retainUntil).isEqualTo(until);
        assertThat(store.read(ns + "fresh")).containsExactly(4);
        assertReason(() -> store.retainNew(ns + "missing", until), Reason.NOT_FOUND);
    }

    @Test
    void legalHoldBlocksDeletesUntilCleared() {
        store.put(ns + "evidence", new byte[] {9}, PDF);

        store.setLegalHold(ns + "evidence", true);

        assertThat(store.stat(ns + "evidence")).get().extracting(ObjectInfo::legalHold).isEqualTo(true);
        assertReason(() -> store.delete(ns + "evidence"), Reason.RETENTION_ACTIVE);
        assertThat(store.read(ns + "evidence")).containsExactly(9);

        store.setLegalHold(ns + "evidence", false);
        assertThat(store.stat(ns + "evidence")).get().extracting(ObjectInfo::legalHold).isEqualTo(false);
        store.delete(ns + "evidence");
        assertThat(store.stat(ns + "evidence")).isEmpty();
    }

    @Test
    void legalHoldOutlastsAnExpiredRetention() throws Exception {
        store.put(ns + "held", new byte[] {1}, new PutOptions("application/pdf", Instant.now().plusSeconds(1)));
        store.setLegalHold(ns + "held", true);

        sleepUntil(store.stat(ns + "held").orElseThrow().retainUntil().plusMillis(300));

        assertReason(() -> store.delete(ns + "held"), Reason.RETENTION_ACTIVE);
        assertThat(store.stat(ns + "held")).get().extracting(ObjectInfo::legalHold).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "/etc/passwd", "../escape", "a/../../b", "a/./b", ".", "..", "a//b", "a/", "Upper", "a b",
        "a\\b", "quyết-định", "a\u0000b", "a?b", "a~o", "a:b"
    })
    void refusesInvalidKeys(String key) {
        assertReason(() -> store.put(key, new byte[] {1}, PDF), Reason.INVALID_KEY);
        assertReason(() -> store.open(key), Reason.INVALID_KEY);
        assertReason(() -> store.stat(key), Reason.INVALID_KEY);
        assertReason(() -> store.delete(key), Reason.INVALID_KEY);
        assertReason(() -> store.extendRetention(key, Instant.now()), Reason.INVALID_KEY);
        assertReason(() -> store.setLegalHold(key, true), Reason.INVALID_KEY);
    }

    @Test
    void refusesOverlongKeysAndEscapingPrefixes() {
        String segment = "k".repeat(StoreRules.MAX_SEGMENT_LENGTH);
        String longest = ns + (segment + "/").repeat(5) + "k".repeat(StoreRules.MAX_KEY_LENGTH - ns.length() - 5 * 201);
        assertThat(longest).hasSize(StoreRules.MAX_KEY_LENGTH);
        store.put(longest, new byte[] {1}, PDF);
        assertThat(store.list(ns)).containsExactly(longest);
        assertThat(store.read(longest)).containsExactly(1);

        assertReason(() -> store.put(longest + "k", new byte[0], PDF), Reason.INVALID_KEY);
        assertReason(() -> store.put(ns + segment + "k", new byte[0], PDF), Reason.INVALID_KEY);

        assertReason(() -> store.list("../"), Reason.INVALID_KEY);
        assertReason(() -> store.list("/abs"), Reason.INVALID_KEY);
        assertReason(() -> store.list("a/../../"), Reason.INVALID_KEY);
    }

    @Test
    void answersHealthQuestions() {
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.capabilities().backend()).isNotBlank();
    }

    protected static void assertReason(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ObjectStoreException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    protected static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
