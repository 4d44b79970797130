package vn.kyso.archfixture;

import vn.kyso.demopki.DemoPki;

/** A deliberate violation for {@code DemoPkiIsolationTest}: production code outside a demo adapter using the demo PKI. */
final class DemoPkiUser {

    private DemoPkiUser() {
    }

    static String tsa(DemoPki pki) {
        return pki.tsaUrl();
    }
}
