package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.jades.JAdESUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.kyso.core.JsonSchemaThreads;

/**
 * DSS checks every JAdES document against its JSON schema with one shared json-sKema validator, which
 * keeps traversal state in the instance (erosb/json-sKema#209): on several threads at once it throws or
 * reports errors the document does not have. With {@link JsonSchemaThreads} installed, every thread gets
 * the answer a single thread gets.
 */
class JsonSchemaThreadsTest {

    private static final String VALID = "{\"payload\":\"eyJhIjoxfQ\",\"protected\":\"eyJhbGciOiJSUzI1NiJ9\","
            + "\"signature\":\"c2lnbmF0dXJl\"}";
    private static final String INVALID = "{\"maHoSo\":\"G09\",\"ketQua\":{\"a\":1}}";

    @Test
    void concurrentSchemaChecksGiveTheSingleThreadedAnswer() throws Exception {
        JsonSchemaThreads.install();
        JAdESUtils schemas = JAdESUtils.getInstance();
        List<String> validAlone = schemas.validateAgainstSchema(VALID);
        List<String> invalidAlone = schemas.validateAgainstSchema(INVALID);
        assertThat(validAlone).isEmpty();
        assertThat(invalidAlone).isNotEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Callable<Boolean> work = () -> {
                    for (int i = 0; i < 300; i++) {
                        boolean valid = (i + thread) % 2 == 0;
                        List<String> errors = schemas.validateAgainstSchema(valid ? VALID : INVALID);
                        if (!errors.equals(valid ? validAlone : invalidAlone)) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(work));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(2, TimeUnit.MINUTES)).as("a thread saw another answer than a single thread").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
