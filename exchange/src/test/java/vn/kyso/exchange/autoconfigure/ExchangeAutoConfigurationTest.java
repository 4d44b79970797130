package vn.kyso.exchange.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.ValidationService;

class ExchangeAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExchangeAutoConfiguration.class));

    @Test
    void bindsTheSettingsAndBuildsTheServiceOverSigningAndValidation() {
        runner.withBean(SigningService.class, () -> unused(SigningService.class))
                .withBean(ValidationService.class, () -> unused(ValidationService.class))
                .withPropertyValues("kyso.exchange.organ-id=000.00.12.H99", "kyso.exchange.organ-name=Sở Nội vụ",
                        "kyso.exchange.key-alias=so-noi-vu-binh-an", "kyso.exchange.level=B-LT",
                        "kyso.exchange.max-message-size=2MB", "kyso.exchange.preservation=permanent",
                        "kyso.exchange.hosted[0].organ-id=000.00.00.H99",
                        "kyso.exchange.hosted[0].organ-name=UBND", "kyso.exchange.hosted[0].key-alias=ubnd-binh-an")
                .run(context -> {
                    assertThat(context).hasSingleBean(ExchangeService.class);
                    ExchangeSettings s = context.getBean(ExchangeSettings.class);
                    assertThat(s.defaultOrgan().organ().organId()).isEqualTo("000.00.12.H99");
                    assertThat(s.organ("000.00.00.H99").keyAlias()).isEqualTo("ubnd-binh-an");
                    assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
                    assertThat(s.maxMessageSize()).isEqualTo(2L * 1024 * 1024);
                    assertThat(s.preservationYears()).isNull();
                });
    }

    @Test
    void backsOffWithoutSigningAndValidationOrWhenDisabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ExchangeService.class));
        runner.withBean(SigningService.class, () -> unused(SigningService.class))
                .withBean(ValidationService.class, () -> unused(ValidationService.class))
                .withPropertyValues("kyso.exchange.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ExchangeService.class));
    }

    /**
     * Only built, never called; a proxy rather than the shared fixtures, which the context would close
     * on shutdown.
     */
    static <T> T unused(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
