package vn.kyso.api.signing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.kyso.access.AccessControl;
import vn.kyso.access.SecuritySettings;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;

/**
 * The name people know an organisation by, for pages that would otherwise show its code (issue #14): the
 * agency's name from the edXML configuration (its code is the agency's electronic identifier), else the
 * organisation named in the certificate of a key the organisation owns. Null when neither knows it: the page
 * then shows the code.
 */
@Component
public class OrganisationNames {

    private final ObjectProvider<ExchangeSettings> exchange;
    private final ObjectProvider<AccessControl> access;
    private final ObjectProvider<SigningService> signing;

    OrganisationNames(ObjectProvider<ExchangeSettings> exchange, ObjectProvider<AccessControl> access,
            ObjectProvider<SigningService> signing) {
        this.exchange = exchange;
        this.access = access;
        this.signing = signing;
    }

    /** The organisation's name, or null when no configuration names it. */
    public String nameOf(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        ExchangeSettings agencies = exchange.getIfAvailable();
        ExchangeSettings.LocalOrgan organ = agencies == null ? null : agencies.organ(organisation);
        if (organ != null) {
            return organ.organ().organName();
        }
        AccessControl control = access.getIfAvailable();
        SigningService keys = signing.getIfAvailable();
        if (control == null || keys == null) {
            return null;
        }
        Map<String, SecuritySettings.KeyOwner> owners = control.owners();
        try {
            Instant now = Instant.now();
            return keys.keys().stream()
                    .filter(k -> owners.get(k.id()) != null && organisation.equals(owners.get(k.id()).organisation()))
                    .map(k -> KeyChoice.of(k, now).organisation()).filter(Objects::nonNull).findFirst().orElse(null);
        } catch (SigningException e) {
            // An HSM that cannot be reached only costs the name: the page shows the code.
            return null;
        }
    }
}
