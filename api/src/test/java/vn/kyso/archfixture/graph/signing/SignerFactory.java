package vn.kyso.archfixture.graph.signing;

import vn.kyso.archfixture.graph.signing.internal.DssSigner;

/** Violation: the facade's package depends on the module's internal package. */
public interface SignerFactory {

    static Signer create() {
        return new DssSigner();
    }
}
