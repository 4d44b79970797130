package vn.kyso.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.kyso.access.AccessControl;
import vn.kyso.access.AccessError;
import vn.kyso.access.AccessException;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.access.spi.AccessStore;
import vn.kyso.access.testing.InMemoryAccessStore;
import vn.kyso.access.testing.MutableClock;
import vn.kyso.audit.AuditAction;

/**
 * The administrator's changes over the configuration, plain Java: which wins, what survives a restart, and
 * how a second instance of the service learns of a change.
 */
class StoredAccessControlTest {

    static final String CLERK_SECRET = "clerk-secret";
    static final SecuritySettings.ApiKey CLERK = new SecuritySettings.ApiKey("clerk-ubnd", hex(CLERK_SECRET),
            "van-thu-ubnd", "ubnd", Set.of(Role.CLERK));
    static final SecuritySettings SETTINGS = new SecuritySettings(true,
            new SecuritySettings.Jwt(null, null, "roles", "organisation"), List.of(CLERK),
            Map.of("ubnd-binh-an", SecuritySettings.KeyOwner.organisation("ubnd"),
                    "tran-thi-bich-ngoc", SecuritySettings.KeyOwner.person("ngoc")),
            Duration.ofSeconds(30), null);

    final InMemoryAccessStore store = new InMemoryAccessStore();
    final MutableClock clock = new MutableClock();
    final List<String> recorded = new ArrayList<>();
    final AccessControl.ChangeLog changes = (action, target, detail) -> recorded.add(action + " " + target + " " + detail);

    AccessControl access() {
        return new StoredAccessControl(SETTINGS, store, clock, new SecureRandom());
    }

    static String hex(String secret) {
        return HexFormat.of().formatHex(StoredAccessControl.sha256(secret));
    }

    @Test
    void theConfigurationIsTheStartingPoint() {
        AccessControl access = access();
        assertThat(access.owners()).containsEntry("ubnd-binh-an", SecuritySettings.KeyOwner.organisation("ubnd"));
        assertThat(access.ownerEntries().get("ubnd-binh-an").source()).isEqualTo(AccessControl.Source.CONFIGURATION);
        assertThat(access.authenticate(CLERK_SECRET)).hasValueSatisfying(k -> assertThat(k.principal())
                .isEqualTo("van-thu-ubnd"));
        assertThat(access.authenticate("guessed")).isEmpty();
    }

    @Test
    void aBindingInTheDatabaseReplacesTheConfiguredOwnerAndSurvivesARestart() {
        AccessControl access = access();
        access.bind("ubnd-binh-an", SecuritySettings.KeyOwner.person("an"), "quan-tri", changes);

        assertThat(recorded).containsExactly(
                "KEY_CHANGE key:ubnd-binh-an owner person an, was organisation ubnd (configuration)");
        for (AccessControl a : List.of(access, access())) {
            assertThat(a.owners()).containsEntry("ubnd-binh-an", SecuritySettings.KeyOwner.person("an"));
            AccessControl.OwnerEntry e = a.ownerEntries().get("ubnd-binh-an");
            assertThat(e.source()).isEqualTo(AccessControl.Source.DATABASE);
            assertThat(e.changedBy()).isEqualTo("quan-tri");
        }
    }

    @Test
    void anUnboundKeyIsNobodysEvenIfTheConfigurationNamesAnOwner() {
        AccessControl access = access();
        access.unbind("tran-thi-bich-ngoc", "quan-tri", changes);

        assertThat(recorded).containsExactly("KEY_CHANGE key:tran-thi-bich-ngoc owner removed, was person ngoc "
                + "(configuration)");
        assertThat(access().owners()).doesNotContainKey("tran-thi-bich-ngoc");
        assertThat(access().ownerEntries().get("tran-thi-bich-ngoc").bound()).isFalse();
        assertThatThrownBy(() -> access.unbind("tran-thi-bich-ngoc", "quan-tri", changes))
                .isInstanceOf(AccessException.class)
                .satisfies(e -> assertThat(((AccessException) e).errorCode()).isEqualTo(AccessError.KEY_OWNER_NOT_FOUND));
        assertThat(recorded).hasSize(1);
    }

    @Test
    void anIssuedKeyOpensAtOnceIsStoredOnlyAsAHashAndCanBeRevoked() {
        AccessControl access = access();
        AccessControl.IssuedKey issued = access.issue("edoc", "edoc-ubnd", "ubnd", EnumSet.of(Role.EXCHANGE_SYSTEM),
                "quan-tri", changes);

        assertThat(issued.secret()).startsWith("kyso_").hasSizeGreaterThan(40);
        assertThat(access.authenticate(issued.secret())).hasValueSatisfying(k -> {
            assertThat(k.principal()).isEqualTo("edoc-ubnd");
            assertThat(k.roles()).containsExactly(Role.EXCHANGE_SYSTEM);
        });
        assertThat(store.keys()).singleElement().satisfies(row -> {
            assertThat(row.keyHash()).isEqualTo(hex(issued.secret()));
            assertThat(row.toString()).doesNotContain(issued.secret());
        });
        assertThat(recorded).singleElement().asString()
                .isEqualTo("PERMISSION_CHANGE api-key:edoc issued to edoc-ubnd of ubnd with roles [EXCHANGE_SYSTEM]")
                .doesNotContain(issued.secret());

        access.revoke("edoc", "quan-tri", changes);
        assertThat(access.authenticate(issued.secret())).isEmpty();
        assertThat(access().authenticate(issued.secret())).as("after a restart").isEmpty();
        assertThat(access.key("edoc")).hasValueSatisfying(k -> {
            assertThat(k.active()).isFalse();
            assertThat(k.revokedBy()).isEqualTo("quan-tri");
        });
        assertThatThrownBy(() -> access.issue("edoc", "x", null, EnumSet.of(Role.AUDITOR), "quan-tri", changes))
                .satisfies(e -> assertThat(((AccessException) e).errorCode()).isEqualTo(AccessError.API_KEY_EXISTS));
        assertThatThrownBy(() -> access.revoke("edoc", "quan-tri", changes))
                .satisfies(e -> assertThat(((AccessException) e).errorCode()).isEqualTo(AccessError.API_KEY_REVOKED));
    }

    @Test
    void aRevokedConfiguredKeyStaysRevokedAfterARestartUntilItsSecretChanges() {
        access().revoke("clerk-ubnd", "quan-tri", changes);

        assertThat(recorded).containsExactly("PERMISSION_CHANGE api-key:clerk-ubnd revoked, was van-thu-ubnd of ubnd "
                + "with roles [CLERK] (configuration)");
        AccessControl restarted = access();
        assertThat(restarted.authenticate(CLERK_SECRET)).isEmpty();
        assertThat(restarted.key("clerk-ubnd")).hasValueSatisfying(k -> {
            assertThat(k.source()).isEqualTo(AccessControl.Source.CONFIGURATION);
            assertThat(k.active()).isFalse();
        });

        // The operator configures the id again with a new secret: that is a new key, and it works.
        SecuritySettings.ApiKey rotated = new SecuritySettings.ApiKey("clerk-ubnd", hex("new-secret"), "van-thu-ubnd",
                "ubnd", Set.of(Role.CLERK));
        AccessControl reconfigured = new StoredAccessControl(new SecuritySettings(true, SETTINGS.jwt(), List.of(rotated),
                SETTINGS.keyOwners()), store, clock, new SecureRandom());
        assertThat(reconfigured.authenticate("new-secret")).isPresent();
        assertThat(reconfigured.authenticate(CLERK_SECRET)).isEmpty();
    }

    @Test
    void aConfiguredIdCannotBeIssuedAgain() {
        assertThatThrownBy(() -> access().issue("clerk-ubnd", "x", null, EnumSet.of(Role.CLERK), "quan-tri", changes))
                .satisfies(e -> assertThat(((AccessException) e).errorCode()).isEqualTo(AccessError.API_KEY_EXISTS));
        assertThat(recorded).isEmpty();
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void aChangeTheTrailCannotRecordIsNotMade() {
        AccessControl access = access();
        AccessControl.ChangeLog down = (action, target, detail) -> {
            throw new IllegalStateException("down"); // as the api's audit trail does when it is down
        };
        assertThatThrownBy(() -> access.bind("ubnd-binh-an", SecuritySettings.KeyOwner.person("an"), "quan-tri", down))
                .hasMessage("down");
        assertThatThrownBy(() -> access.issue(null, "x", null, EnumSet.of(Role.AUDITOR), "quan-tri", down))
                .hasMessage("down");
        assertThatThrownBy(() -> access.revoke("clerk-ubnd", "quan-tri", down)).hasMessage("down");
        assertThat(store.owners()).isEmpty();
        assertThat(store.keys()).isEmpty();
        assertThat(access.authenticate(CLERK_SECRET)).isPresent();
    }

    @Test
    void anotherInstanceSeesTheChangeAtItsNextReload() {
        AccessControl first = access();
        AccessControl second = access();
        first.revoke("clerk-ubnd", "quan-tri", changes);
        first.bind("ubnd-binh-an", SecuritySettings.KeyOwner.organisation("other"), "quan-tri", changes);

        assertThat(second.authenticate(CLERK_SECRET)).as("before its reload").isPresent();
        clock.advance(Duration.ofSeconds(30));
        assertThat(second.authenticate(CLERK_SECRET)).isEmpty();
        assertThat(second.owners()).containsEntry("ubnd-binh-an", SecuritySettings.KeyOwner.organisation("other"));
    }

    @Test
    void aStoreThatFailsOnReloadLeavesTheLastStateInPlace() {
        AccessControl access = access();
        store.failure = new IllegalStateException("database down");
        clock.advance(Duration.ofMinutes(1));
        assertThat(access.authenticate(CLERK_SECRET)).isPresent();
        assertThat(access.owners()).containsKey("ubnd-binh-an");
    }

    @Test
    void withoutAStoreNothingCanBeChanged() {
        AccessControl access = new StoredAccessControl(SETTINGS, null, clock, new SecureRandom());
        assertThat(access.changeable()).isFalse();
        assertThatThrownBy(() -> access.unbind("ubnd-binh-an", "quan-tri", changes))
                .satisfies(e -> assertThat(((AccessException) e).errorCode())
                        .isEqualTo(AccessError.ACCESS_STORE_UNAVAILABLE));
        assertThat(access.authenticate(CLERK_SECRET)).isPresent();
        assertThat(recorded).isEmpty();
    }

    @Test
    void generatedIdsAndSecretsDiffer() {
        AccessControl access = access();
        var a = access.issue(null, "p", null, EnumSet.of(Role.AUDITOR), "quan-tri", changes);
        var b = access.issue(null, "p", null, EnumSet.of(Role.AUDITOR), "quan-tri", changes);
        assertThat(a.key().id()).matches("key-[0-9a-f]{12}").isNotEqualTo(b.key().id());
        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(recorded).allSatisfy(r -> assertThat(r).startsWith(AuditAction.PERMISSION_CHANGE.name()));
    }
}
