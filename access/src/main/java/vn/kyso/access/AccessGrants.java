package vn.kyso.access;

import java.util.List;
import java.util.Map;

/**
 * API keys and key owners contributed by code rather than configuration, added to {@code kyso.security.*}:
 * the demo grants its generated principals access to the demo PKI's keys. A configured key owner wins.
 *
 * @param apiKeys   more machine clients
 * @param keyOwners more key owners
 */
public record AccessGrants(List<SecuritySettings.ApiKey> apiKeys, Map<String, SecuritySettings.KeyOwner> keyOwners) {

    public AccessGrants {
        apiKeys = List.copyOf(apiKeys);
        keyOwners = Map.copyOf(keyOwners);
    }
}
