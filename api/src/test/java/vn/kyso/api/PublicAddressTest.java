package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The public address is required outside the demo, checked at start-up, and follows the real port in the demo. */
class PublicAddressTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PublicAddressConfiguration.class);

    @Test
    void withoutItOutsideTheDemoTheServiceDoesNotStartAndSaysWhy() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kyso.api.public-url is required outside the demo"));
    }

    @Test
    void aConfiguredAddressIsUsedWithoutItsTrailingSlash() {
        runner.withPropertyValues("kyso.api.public-url=https://kyso.binhan.gov.vn/")
                .run(context -> assertThat(context.getBean(PublicAddress.class).verifyUrl())
                        .isEqualTo("https://kyso.binhan.gov.vn/verify"));
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedAtStartUp() {
        runner.withPropertyValues("kyso.api.public-url=ftp://kyso.binhan.gov.vn")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must be an http(s) address"));
    }

    @Test
    void inTheDemoItFollowsThePortTheServerListensOn() {
        runner.withPropertyValues("kyso.demo.enabled=true", "local.server.port=43117")
                .run(context -> assertThat(context.getBean(PublicAddress.class).verifyUrl())
                        .isEqualTo("http://localhost:43117/verify"));
    }
}
