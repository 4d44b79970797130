package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import vn.kyso.api.audit.AuditTrail;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.Checkpoint;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;

/** Refusals at the door in the audit trail: every 403, and 401s bounded per window, with a fake clock. */
class RefusalAuditTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final SecuritySettings.UnauthenticatedAudit SETTINGS =
            new SecuritySettings.UnauthenticatedAudit(Duration.ofMinutes(1), 3, 5);

    final List<AuditEvent> events = new ArrayList<>();
    final MutableClock clock = new MutableClock();
    final RefusalAudit refusals = new RefusalAudit(new AuditTrail(() -> new Recording(events), false), SETTINGS,
            clock, false);

    static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setRemoteAddr(address);
        return r;
    }

    @Test
    void everyForbiddenRequestIsWrittenWithTheCallerTheActionAndThePath() {
        var clerk = new CallerAuthentication(new Caller("van-thu", "ubnd", EnumSet.of(Role.CLERK)), "api-key:x");
        for (int i = 0; i < 50; i++) {
            refusals.forbidden(request("GET", "/api/v1/records/r-1/content", "10.0.0.1"), clerk);
        }
        refusals.forbidden(request("GET", "/api/v1/records", "10.0.0.1"), clerk);

        assertThat(events).hasSize(51);
        AuditEvent first = events.get(0);
        assertThat(first.actor()).isEqualTo("van-thu");
        assertThat(first.action()).isEqualTo(AuditAction.RETRIEVE);
        assertThat(first.target()).isEqualTo("r-1");
        assertThat(first.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(first.detail()).isEqualTo(
                "GET /api/v1/records/r-1/content -> HTTP 403: refused by the access rules (roles [CLERK])");
        assertThat(first.clientAddress()).isEqualTo("10.0.0.1");
        AuditEvent search = events.get(50);
        assertThat(search.action()).as("a path with no action of its own").isEqualTo(AuditAction.ACCESS);
        assertThat(search.target()).isNull();
    }

    @Test
    void theFirst401OfAClientIsWrittenAndTheRestOfTheWindowIsOneSummary() {
        for (int i = 0; i < 1000; i++) {
            refusals.unauthenticated(request("POST", "/api/v1/signatures", "10.0.0.7"),
                    new InsufficientAuthenticationException("x"));
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.action()).isEqualTo(AuditAction.SIGN);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).isEqualTo("POST /api/v1/signatures -> HTTP 401: no credentials; more from this "
                    + "client are summed up every 1 min");
            assertThat(e.clientAddress()).isEqualTo("10.0.0.7");
        });

        clock.advance(Duration.ofSeconds(59));
        refusals.flush();
        assertThat(events).as("the window is not over").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        refusals.flush();
        assertThat(events).hasSize(2);
        AuditEvent summary = events.get(1);
        assertThat(summary.action()).isEqualTo(AuditAction.ACCESS);
        assertThat(summary.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(summary.actor()).isEqualTo("anonymous");
        assertThat(summary.clientAddress()).isNull();
        assertThat(summary.detail()).startsWith("999 more request(s) refused with HTTP 401 between "
                        + "2026-11-23T10:00:00Z and 2026-11-23T10:01:00Z, not written one by one: from 1 client(s)")
                .endsWith("most from 10.0.0.7 ×999");

        refusals.flush();
        assertThat(events).as("nothing more to say").hasSize(2);
        refusals.unauthenticated(request("GET", "/api/v1/records", "10.0.0.7"), new InsufficientAuthenticationException("x"));
        assertThat(events).as("a new window: the client's first 401 again").hasSize(3);
    }

    @Test
    void aFloodFromManyAddressesAddsAtMostTheBudgetAndOneSummaryPerWindow() {
        for (int window = 0; window < 3; window++) {
            for (int i = 0; i < 5000; i++) {
                refusals.unauthenticated(request("GET", "/api/v1/records", "10.1." + (i / 250) + "." + (i % 250)),
                        new InsufficientAuthenticationException("x"));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        refusals.flush();

        // 3 clients written one by one (entriesPerWindow) and one summary, per window.
        assertThat(events).hasSize(3 * 4);
        assertThat(events.stream().filter(e -> e.detail().startsWith("4997 more request(s)"))).hasSize(3);
        assertThat(events.get(3).detail()).contains("from 2 client(s) and 4995 from clients not told apart");
    }

    @Test
    void theReasonNeverRepeatsWhatTheClientSent() {
        refusals.unauthenticated(request("GET", "/api/v1/records", "10.0.0.1"),
                new BadCredentialsException(ApiKeyFilter.UNKNOWN_KEY));
        refusals.unauthenticated(request("GET", "/api/v1/records", "10.0.0.2"),
                new InvalidBearerTokenException("An error occurred while attempting to decode the Jwt: eyJhbGci..."));
        assertThat(events).extracting(AuditEvent::detail).containsExactly(
                "GET /api/v1/records -> HTTP 401: unknown API key; more from this client are summed up every 1 min",
                "GET /api/v1/records -> HTTP 401: invalid bearer token; more from this client are summed up every 1 min");
    }

    @Test
    void closingWritesWhatIsStillCounted() {
        refusals.unauthenticated(request("GET", "/x", "10.0.0.1"), new InsufficientAuthenticationException("x"));
        refusals.unauthenticated(request("GET", "/x", "10.0.0.1"), new InsufficientAuthenticationException("x"));
        refusals.close();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).detail()).startsWith("1 more request(s) refused with HTTP 401");
    }

    static final class MutableClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Keeps the events; the chain itself is the audit module's. */
    record Recording(List<AuditEvent> events) implements AuditLog {

        @Override
        public AuditEntry append(AuditEvent event) {
            events.add(event);
            return null;
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> entries(long from, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChainHead head() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Checkpoint timestamp() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<Checkpoint> timestampIfAdvanced() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Checkpoint> checkpoints() {
            throw new UnsupportedOperationException();
        }
    }
}
