package vn.kyso.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.core.ServiceException;
import vn.kyso.signing.SigningTimings;

/**
 * Every meter of the service, by name (the list is in docs/operations.md). Tag values come from closed
 * sets (enums, error codes), never from requests, so the number of series stays bounded. The archive's
 * gauges ask the database, so their answers are reused for {@link #GAUGE_TTL}: every instance is scraped
 * every few seconds.
 */
@Component
class KysoMeters implements SigningTimings {

    static final Duration GAUGE_TTL = Duration.ofSeconds(15);
    static final String OK = "ok";

    private final MeterRegistry registry;
    private final Cached<Double> backlog;
    private final Cached<Map<JobKind, JobReport>> jobs;

    KysoMeters(MeterRegistry registry, ObjectProvider<ArchiveService> archive) {
        this.registry = registry;
        this.backlog = new Cached<>(() -> {
            ArchiveService a = archive.getIfAvailable();
            if (a == null) {
                return Double.NaN;
            }
            java.util.OptionalLong n = a.acceptedBacklog();
            return n.isPresent() ? (double) n.getAsLong() : Double.NaN;
        });
        this.jobs = new Cached<>(() -> latestJobs(archive.getIfAvailable()));
        Gauge.builder("kyso.archive.ingest.backlog", backlog, b -> b.get())
                .description("Records accepted for asynchronous ingest and not yet archived, whole cluster").register(registry);
        // The bulk ingest rate is the rate of this counter; read from the archive's own counts at each scrape.
        for (String outcome : java.util.List.of(OK, "failed")) {
            io.micrometer.core.instrument.FunctionCounter.builder("kyso.archive.ingest.processed", archive,
                            a -> background(a.getIfAvailable(), outcome))
                    .description("Accepted ingests this instance archived (ok) or could not archive (failed) in the "
                            + "background").tag("outcome", outcome).register(registry);
        }
        for (JobKind kind : JobKind.values()) {
            String tag = tag(kind.name());
            Gauge.builder("kyso.archive.job.total", jobs, j -> value(j.get().get(kind), JobReport::total))
                    .description("Items of the latest preservation job of this kind").tag("kind", tag)
                    .register(registry);
            Gauge.builder("kyso.archive.job.processed", jobs, j -> value(j.get().get(kind), JobReport::processed))
                    .description("Items the latest job of this kind has processed").tag("kind", tag)
                    .register(registry);
            Gauge.builder("kyso.archive.job.failed", jobs, j -> value(j.get().get(kind), JobReport::failed))
                    .description("Items the latest job of this kind failed on").tag("kind", tag).register(registry);
            Gauge.builder("kyso.archive.job.running", jobs,
                            j -> j.get().get(kind) != null && j.get().get(kind).state() == JobState.RUNNING ? 1 : 0)
                    .description("1 while a job of this kind runs").tag("kind", tag).register(registry);
        }
    }

    private static double background(ArchiveService archive, String outcome) {
        if (archive == null) {
            return Double.NaN;
        }
        return archive.backgroundIngest().map(b -> (double) (OK.equals(outcome) ? b.archived() : b.failed()))
                .orElse(Double.NaN);
    }

    /** One signature made or refused: the counter and the timer, by format, level and outcome. */
    void signature(String format, String level, String outcome, long nanos) {
        Counter.builder("kyso.signatures").description("Signatures made (outcome ok) or refused (the error code)")
                .tags("format", format, "level", level, "outcome", outcome).register(registry).increment();
        Timer.builder("kyso.signature.duration").description("Time to make one signature, end to end")
                .tags("format", format, "level", level, "outcome", outcome).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One document validated (outcome ok) or refused, and its time. */
    void validation(String outcome, long nanos) {
        Timer.builder("kyso.validation.duration").description("Time to validate one document")
                .tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One signature's verdict (VALID, INVALID, INDETERMINATE: the ETSI main indication). */
    void verdict(String indication) {
        Counter.builder("kyso.validation.verdicts").description("Verdicts of the signatures validated")
                .tag("indication", indication).register(registry).increment();
    }

    /** One ingest: synchronous ({@code ingest}) or accepted for the background ({@code accept}). */
    void ingest(String mode, String outcome, long nanos) {
        Counter.builder("kyso.archive.ingests").description("Documents offered to the archive, by outcome")
                .tags("mode", mode, "outcome", outcome).register(registry).increment();
        Timer.builder("kyso.archive.ingest.duration").description("Time to ingest one document")
                .tags("mode", mode, "outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One audit append, committed ({@code ok}) or lost (the error code), and the time the caller waited for it. */
    void auditAppend(String outcome, long nanos) {
        Timer.builder("kyso.audit.append.duration")
                .description("Time to append one audit entry, committed (group commit included)")
                .tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void waited(Party party, Duration duration, boolean ok) {
        String name = switch (party) {
            case HSM -> "kyso.hsm.sign.duration";
            case TSA -> "kyso.tsa.duration";
            case OCSP -> "kyso.ocsp.duration";
            case CRL -> "kyso.crl.duration";
        };
        Timer.builder(name).description("Time waited for the " + party + " per call")
                .tag("outcome", ok ? OK : "error").register(registry).record(duration);
    }

    /** {@code ok}, or the stable error code of a refusal, or {@code error} for anything else. */
    static String outcome(Throwable t) {
        return t instanceof ServiceException e ? e.errorCode().code() : "error";
    }

    static String tag(Object value) {
        return value == null ? "default" : value.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<JobKind, JobReport> latestJobs(ArchiveService archive) {
        Map<JobKind, JobReport> latest = new EnumMap<>(JobKind.class);
        if (archive == null) {
            return latest;
        }
        List<JobReport> reports = archive.jobs();
        for (JobReport r : reports) {
            latest.merge(r.kind(), r, (a, b) -> a.id() >= b.id() ? a : b);
        }
        return latest;
    }

    private static double value(JobReport report, java.util.function.ToIntFunction<JobReport> field) {
        return report == null ? Double.NaN : field.applyAsInt(report);
    }

    /** A value asked for at most once per {@link #GAUGE_TTL}; a failure gives the last value again. */
    static final class Cached<T> {
        private final Supplier<T> source;
        private T value;
        private long at = Long.MIN_VALUE;

        Cached(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - at > GAUGE_TTL.toNanos()) {
                try {
                    value = source.get();
                } catch (RuntimeException e) {
                    if (value == null) {
                        throw e;
                    }
                }
                at = now;
            }
            return value;
        }
    }
}
