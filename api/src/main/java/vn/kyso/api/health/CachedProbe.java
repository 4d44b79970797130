package vn.kyso.api.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;

/**
 * One dependency's probe, run at most once per {@code ttl} and waited for at most {@code timeout}: the
 * orchestrator polls readiness every few seconds on every instance, and a probe per poll would hammer
 * the object store or the TSA, while a probe that hangs would make the health endpoint itself hang.
 * A probe still running after the timeout is not started again; its answer is taken when it comes.
 */
final class CachedProbe implements AutoCloseable {

    /** Answers null when the dependency is fine, otherwise why it is not (shown in the health details). */
    interface Check {
        String problem() throws Exception;
    }

    private record Result(Health health, Instant at) {}

    private final String name;
    private final Callable<String> check;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService executor;
    private Result last;
    private Future<String> running;

    CachedProbe(String name, Check check, Duration ttl, Duration timeout, Clock clock) {
        this.name = name;
        this.check = check::problem;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kyso-health-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    synchronized Health health() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.at().plus(ttl))) {
            return last.health();
        }
        if (running == null) {
            running = executor.submit(check);
        }
        Health health;
        try {
            String problem = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            running = null;
            health = problem == null ? Health.up().build() : Health.down().withDetail("reason", problem).build();
        } catch (TimeoutException e) {
            health = Health.down().withDetail("reason", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            running = null;
            // The exception's class only: its message may carry an endpoint or a path.
            health = Health.down().withDetail("reason", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("reason", "interrupted").build();
        }
        last = new Result(health, clock.instant());
        return health;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "CachedProbe[" + name + "]";
    }
}
