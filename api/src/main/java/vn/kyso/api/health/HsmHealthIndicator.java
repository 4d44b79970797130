package vn.kyso.api.health;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.SigningService;

/**
 * {@code /actuator/health/hsm}: DOWN while any configured key cannot be reached, with the keys named,
 * so a load balancer stops routing signing requests to this instance. Never shows PINs or paths.
 */
@Component("hsm")
class HsmHealthIndicator implements HealthIndicator {

    private final SigningService signing;

    HsmHealthIndicator(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public Health health() {
        List<KeyInfo> keys = signing.keys();
        List<String> unavailable = keys.stream().filter(k -> !k.available()).map(KeyInfo::id).toList();
        Health.Builder builder = unavailable.isEmpty() ? Health.up() : Health.down();
        return builder.withDetail("keys", keys.size()).withDetail("unavailable", unavailable).build();
    }
}
