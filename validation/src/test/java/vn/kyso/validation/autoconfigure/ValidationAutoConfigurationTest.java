package vn.kyso.validation.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.signing.SigningService;
import vn.kyso.signing.autoconfigure.SigningAutoConfiguration;
import vn.kyso.signing.internal.DssSigningService;
import vn.kyso.validation.Language;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.internal.DssValidationService;

class ValidationAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class));

    @Test
    void bindsTrustStoresAndLimitsFromProperties() {
        var pki = ValidationFixture.pki();
        runner.withPropertyValues(
                        "kyso.validation.trust-stores[0].name=government-ca",
                        "kyso.validation.trust-stores[0].family=SPECIALISED",
                        "kyso.validation.trust-stores[0].certificates=" + pki.trustAnchorsPem(KeyFamily.SPECIALISED),
                        "kyso.validation.trust-stores[1].name=national-root",
                        "kyso.validation.trust-stores[1].family=PUBLIC",
                        "kyso.validation.trust-stores[1].certificates=" + pki.trustAnchorsPem(KeyFamily.PUBLIC),
                        "kyso.validation.offline=true",
                        "kyso.validation.max-document-size=10MB",
                        "kyso.validation.max-validation-time=15s",
                        "kyso.validation.max-concurrent=3")
                .run(context -> {
                    ValidationSettings settings = context.getBean(ValidationSettings.class);
                    assertThat(settings.trustStores()).extracting(ValidationSettings.TrustStore::name)
                            .containsExactly("government-ca", "national-root");
                    assertThat(settings.trustStores()).extracting(ValidationSettings.TrustStore::family)
                            .containsExactly(KeyFamily.SPECIALISED, KeyFamily.PUBLIC);
                    assertThat(settings.offline()).isTrue();
                    assertThat(settings.maxDocumentBytes()).isEqualTo(10L * 1024 * 1024);
                    assertThat(settings.maxValidationTime()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(settings.maxConcurrent()).isEqualTo(3);
                    assertThat(settings.networkTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(context.getBean(ValidationService.class)).isInstanceOf(DssValidationService.class);
                });
    }

    @Test
    void anApplicationsOwnSettingsAndServiceWin() {
        ValidationSettings own = ValidationFixture.settings();
        ValidationService stub = new ValidationService() {
            @Override
            public vn.kyso.validation.ValidationResult validate(vn.kyso.validation.ValidationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<vn.kyso.validation.SignedFile> signedRevision(
                    vn.kyso.validation.SignedFile document, String signatureId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] pdfReport(ValidationReport report, Language language) {
                return new byte[0];
            }
        };
        runner.withBean(ValidationSettings.class, () -> own).run(context -> {
            assertThat(context.getBean(ValidationSettings.class)).isSameAs(own);
            assertThat(context.getBean(ValidationService.class)).isInstanceOf(DssValidationService.class);
        });
        runner.withBean(ValidationService.class, () -> stub).run(context ->
                assertThat(context.getBean(ValidationService.class)).isSameAs(stub));
    }

    @Test
    void signingAndValidationShareOneRevocationCache() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SigningAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(RevocationCache.class)).hasSize(1);
                    assertThat(context.getBean(SigningService.class)).isInstanceOf(DssSigningService.class);
                    assertThat(context.getBean(ValidationService.class)).isInstanceOf(DssValidationService.class);
                });
        RevocationCache own = new RevocationCache(RevocationCache.Settings.defaults(Duration.ofMinutes(5)),
                java.time.Clock.systemUTC());
        runner.withBean(RevocationCache.class, () -> own).run(context ->
                assertThat(context.getBean(RevocationCache.class)).isSameAs(own));
    }

    void withoutTrustStoresTheShippedVietnameseAnchorsAreTrusted() {
        runner.run(context -> {
            List<ValidationSettings.TrustStore> stores = context.getBean(ValidationSettings.class).trustStores();
            assertThat(stores).extracting(ValidationSettings.TrustStore::name)
                    .containsExactly("vn-specialised", "vn-public");
            assertThat(stores).extracting(ValidationSettings.TrustStore::family)
                    .containsExactly(KeyFamily.SPECIALISED, KeyFamily.PUBLIC);
            assertThat(stores).allSatisfy(s -> assertThat(s.anchorCertificates()).isNotEmpty());
        });
    }

    @Test
    void aDeploymentChoosesShippedStoresByNameBesideItsOwn() {
        var pki = ValidationFixture.pki();
        runner.withPropertyValues(
                        "kyso.validation.trust-stores[0].name=vn-public",
                        "kyso.validation.trust-stores[1].name=demo-specialised",
                        "kyso.validation.trust-stores[1].family=SPECIALISED",
                        "kyso.validation.trust-stores[1].certificates=" + pki.trustAnchorsPem(KeyFamily.SPECIALISED))
                .run(context -> {
                    List<ValidationSettings.TrustStore> stores = context.getBean(ValidationSettings.class)
                            .trustStores();
                    assertThat(stores).extracting(ValidationSettings.TrustStore::name)
                            .containsExactly("vn-public", "demo-specialised");
                    assertThat(stores.get(0).family()).isEqualTo(KeyFamily.PUBLIC);
                    assertThat(stores.get(0).certificates()).isNull();
                });
        runner.withPropertyValues("kyso.validation.trust-stores[0].name=no-such-store")
                .run(context -> assertThat(context).hasFailed());
    }
}
