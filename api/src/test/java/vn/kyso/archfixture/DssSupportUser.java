package vn.kyso.archfixture;

import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.dss.PolicedDataLoader;

/** A deliberate violation for {@code DssSupportIsolationTest}: a class outside an internal package using DSS support. */
final class DssSupportUser {

    private DssSupportUser() {
    }

    static PolicedDataLoader loader(OutboundPolicy policy) {
        return new PolicedDataLoader(policy, null);
    }
}
