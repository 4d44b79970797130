package vn.kyso.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.access.AccessGrants;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings.KeyOwner;

/** The demo's principals and key owners, from identities shaped like the demo PKI's, without starting it. */
class DemoAccessTest {

    static final String UBND = "Ủy ban nhân dân tỉnh Bình An";
    static final List<DemoAccess.Holder> HOLDERS = List.of(
            new DemoAccess.Holder("ubnd-binh-an", false, UBND),
            new DemoAccess.Holder("tran-thi-bich-ngoc", true, UBND),
            new DemoAccess.Holder("so-noi-vu-binh-an", false, "Sở Nội vụ tỉnh Bình An"));

    @Test
    void personsOwnTheirKeysAndClerksTheirOrganisations() {
        AccessGrants grants = DemoAccess.of(HOLDERS, new SecureRandom()).accessGrants();

        assertThat(grants.keyOwners()).containsEntry("tran-thi-bich-ngoc", KeyOwner.person("tran-thi-bich-ngoc"))
                .containsEntry("ubnd-binh-an", KeyOwner.organisation("ubnd-binh-an"))
                .containsEntry("so-noi-vu-binh-an", KeyOwner.organisation("so-noi-vu-binh-an"));
        assertThat(grants.apiKeys()).anySatisfy(k -> {
            assertThat(k.principal()).isEqualTo("tran-thi-bich-ngoc");
            assertThat(k.roles()).containsExactly(Role.SIGNER);
            assertThat(k.organisation()).isEqualTo("ubnd-binh-an");
        }).anySatisfy(k -> {
            assertThat(k.principal()).isEqualTo("van-thu-ubnd-binh-an");
            assertThat(k.roles()).containsExactly(Role.CLERK);
            assertThat(k.organisation()).isEqualTo("ubnd-binh-an");
        });
        assertThat(grants.apiKeys()).extracting(k -> k.roles().iterator().next()).contains(Role.ARCHIVIST,
                Role.AUDITOR, Role.EXCHANGE_SYSTEM, Role.ADMINISTRATOR);
    }

    @Test
    void agenciesOfTheExchangeAreKnownByTheirCodesSoTheirClerksMayExchangeForThem() {
        AccessGrants grants = DemoAccess.of(HOLDERS, Map.of("ubnd-binh-an", "000.00.00.H99",
                "so-noi-vu-binh-an", "000.00.12.H99"), new SecureRandom()).accessGrants();

        assertThat(grants.keyOwners()).containsEntry("ubnd-binh-an", KeyOwner.organisation("000.00.00.H99"))
                .containsEntry("so-noi-vu-binh-an", KeyOwner.organisation("000.00.12.H99"))
                .containsEntry("tran-thi-bich-ngoc", KeyOwner.person("tran-thi-bich-ngoc"));
        assertThat(grants.apiKeys()).anySatisfy(k -> {
            assertThat(k.principal()).isEqualTo("van-thu-so-noi-vu-binh-an");
            assertThat(k.organisation()).isEqualTo("000.00.12.H99");
        }).anySatisfy(k -> {
            assertThat(k.principal()).isEqualTo("tran-thi-bich-ngoc");
            assertThat(k.organisation()).as("her certificate's organisation").isEqualTo("000.00.00.H99");
        }).anySatisfy(k -> {
            assertThat(k.principal()).isEqualTo("truc-lien-thong");
            assertThat(k.organisation()).isEqualTo("000.00.00.H99");
        });
    }

    @Test
    void theFileHasTheSecretsTheGrantsOnlyTheirHashes(@TempDir Path dir) throws Exception {
        DemoAccess access = DemoAccess.of(HOLDERS, new SecureRandom());
        Path file = dir.resolve(DemoConfiguration.KEYS_FILE);
        access.write(file);

        String text = Files.readString(file);
        AccessGrants grants = access.accessGrants();
        for (DemoAccess.Grant g : access.grants()) {
            assertThat(text).contains(g.secret() + "\t" + g.principal());
            assertThat(grants.toString()).doesNotContain(g.secret());
            assertThat(grants.apiKeys()).anySatisfy(k -> assertThat(k.keyHash())
                    .isEqualTo(DemoAccess.sha256Hex(g.secret())));
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Set.copyOf(access.grants().stream().map(DemoAccess.Grant::secret).toList()))
                .hasSize(access.grants().size());
    }
}
