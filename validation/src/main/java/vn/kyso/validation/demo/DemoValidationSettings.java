package vn.kyso.validation.demo;

import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.demopki.DemoPki;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.ValidationSettings.TrustStore;

/**
 * Maps the demo PKI onto validation settings: one named trust store per family, read from the PEM
 * files the PKI writes, and online revocation against its loopback responders. Exactly what an
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
                false, null, null, 0, null, 0);
    }
}
