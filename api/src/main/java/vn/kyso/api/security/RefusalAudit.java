package vn.kyso.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import vn.kyso.api.audit.AuditTrail;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.access.Caller;
import vn.kyso.access.SecuritySettings;

/**
 * Writes the security filters' refusals to the audit trail. A 403 comes from an authenticated caller, who
 * is named and rate-limited per credential: each is written. A 401 may come from anyone, so within each
 * window only the first one of each client is written, at most {@code entriesPerWindow} of them; the rest
 * are counted and written as one summary entry when the window ends. An unauthenticated flood therefore
 * adds at most {@code entriesPerWindow + 1} entries per window, however many requests or addresses it
 * uses, and the memory it takes is bounded by {@code maxClients}.
 */
final class RefusalAudit implements AutoCloseable {

    static final String FORBIDDEN_NOTE = "refused by the access rules";

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);
    private static final int TOP_CLIENTS = 5;

    private final AuditTrail trail;
    private final SecuritySettings.UnauthenticatedAudit settings;
    private final Clock clock;
    private final ScheduledExecutorService flusher;

    // One window's counts; guarded by this.
    private Instant windowStart;
    private final Map<String, Integer> suppressedByClient = new HashMap<>();
    private long suppressed;
    private long untracked;
    private int written;

    /** @param scheduled whether a thread of its own writes the summary when a window ends (off in unit tests) */
    RefusalAudit(AuditTrail trail, SecuritySettings.UnauthenticatedAudit settings, Clock clock, boolean scheduled) {
        this.trail = trail;
        this.settings = settings;
        this.clock = clock;
        this.windowStart = clock.instant();
        if (scheduled) {
            this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kyso-refusal-audit");
                t.setDaemon(true);
                return t;
            });
            long millis = settings.window().toMillis();
            flusher.scheduleWithFixedDelay(this::flushSafely, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            this.flusher = null;
        }
    }

    /** A 403 from the filters: the caller is authenticated but none of its roles may make the request. */
    void forbidden(HttpServletRequest request, Authentication auth) {
        String actor = auth == null || auth.getName() == null ? Caller.ANONYMOUS : auth.getName();
        // A person logged in on the pages has their roles as authorities (PersonLogin), ROLE_ prefixed.
        String roles = auth instanceof CallerAuthentication c ? c.caller().roles().toString()
                : auth == null ? "[]" : auth.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", ""))
                        .toList().toString();
        write(request, actor, 403, FORBIDDEN_NOTE + " (roles " + roles + ")");
    }

    /** A 401 from the filters: no credentials, or ones that are not valid; bounded as the class says. */
    void unauthenticated(HttpServletRequest request, AuthenticationException ex) {
        String client = trail.clientAddress(request);
        boolean one;
        String summary;
        synchronized (this) {
            summary = rollIfDue();
            Integer seen = suppressedByClient.get(client);
            if (seen == null && suppressedByClient.size() < settings.maxClients()) {
                one = written < settings.entriesPerWindow();
                suppressedByClient.put(client, one ? 0 : 1);
                if (one) {
                    written++;
                } else {
                    suppressed++;
                }
            } else {
                one = false;
                suppressed++;
                if (seen != null) {
                    suppressedByClient.put(client, seen + 1);
                } else {
                    untracked++;
                }
            }
        }
        writeSummary(summary);
        if (one) {
            write(request, Caller.ANONYMOUS, 401, reason(ex) + "; more from this client are summed up every "
                    + describe(settings.window()));
        }
    }

    /** Writes the summary of a window that has ended, if anything in it was only counted. */
    void flush() {
        String summary;
        synchronized (this) {
            summary = rollIfDue();
        }
        writeSummary(summary);
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        String summary;
        synchronized (this) {
            summary = roll();
        }
        writeSummary(summary);
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("refusal summary not written: {}", e.getMessage());
        }
    }

    /** Guarded by this: starts a new window if the current one is over, returning the old one's summary. */
    private String rollIfDue() {
        return clock.instant().isBefore(windowStart.plus(settings.window())) ? null : roll();
    }

    /** Guarded by this. */
    private String roll() {
        String summary = null;
        if (suppressed > 0) {
            int clients = (int) suppressedByClient.values().stream().filter(n -> n > 0).count();
            String top = suppressedByClient.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_CLIENTS).map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
            summary = suppressed + " more request(s) refused with HTTP 401 between "
                    + windowStart.truncatedTo(ChronoUnit.SECONDS) + " and "
                    + clock.instant().truncatedTo(ChronoUnit.SECONDS) + ", not written one by one: from " + clients
                    + " client(s)"
                    + (untracked > 0 ? " and " + untracked + " from clients not told apart" : "")
                    + (top.isEmpty() ? "" : "; most from " + top);
        }
        windowStart = clock.instant();
        suppressedByClient.clear();
        suppressed = 0;
        untracked = 0;
        written = 0;
        return summary;
    }

    private void writeSummary(String summary) {
        if (summary != null) {
            // No request: the summary names many clients, so it carries no single address.
            trail.append(null, Caller.ANONYMOUS, AuditAction.ACCESS, null, AuditOutcome.REFUSED, summary);
        }
    }

    private void write(HttpServletRequest request, String actor, int status, String note) {
        Optional<AuditTrail.Classified> audited = trail.classify(request);
        trail.append(request, actor, audited.map(AuditTrail.Classified::action).orElse(AuditAction.ACCESS),
                audited.map(AuditTrail.Classified::target).orElse(null), AuditOutcome.REFUSED,
                request.getMethod() + " " + AuditTrail.path(request) + " -> HTTP " + status + ": " + note);
    }

    /** Why, in words that never repeat what the client sent. */
    private static String reason(AuthenticationException ex) {
        if (ex instanceof InvalidBearerTokenException) {
            return "invalid bearer token";
        }
        if (ex instanceof BadCredentialsException b && ApiKeyFilter.UNKNOWN_KEY.equals(b.getMessage())) {
            return "unknown API key";
        }
        if (ex instanceof BadCredentialsException) {
            return "invalid credentials";
        }
        return "no credentials";
    }

    private static String describe(Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
