package vn.kyso.validation.demo;

import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.ValidationSettings.TrustStore;

/**
 * Maps the demo PKI onto validation settings: one named trust store per family, read from the PEM
 * files the PKI writes, and online revocation against its loopback responders, the one origin fetched
 * from. Exactly what an
 * operator writes in {@code kyso.validation.*} for the Government CA and the national root.
 */
public final class DemoValidationSettings {

    public static final String SPECIALISED_STORE = "demo-specialised";
    public static final String PUBLIC_STORE = "demo-public";

    private DemoValidationSettings() {
    }

    public static ValidationSettings from(DemoPki pki) {
        return new ValidationSettings(List.of(
                new TrustStore(SPECIALISED_STORE, KeyFamily.SPECIALISED, pki.trustAnchorsPem(KeyFamily.SPECIALISED)),
                new TrustStore(PUBLIC_STORE, KeyFamily.PUBLIC, pki.trustAnchorsPem(KeyFamily.PUBLIC))),
                false, null, null, 0, null, 0,
                // exactly the responders' origin (127.0.0.1 and their port), not loopback in general
                FetchSettings.defaults().withAllowed(List.of(pki.baseUri())));
    }
}
