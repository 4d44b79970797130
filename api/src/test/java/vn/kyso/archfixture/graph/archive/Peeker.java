package vn.kyso.archfixture.graph.archive;

import vn.kyso.archfixture.graph.signing.Signer;
import vn.kyso.archfixture.graph.signing.internal.DssSigner;

/** Violation: archive may use signing, but only its facade; here it builds signing's internal adapter. */
final class Peeker {

    Signer signer = new DssSigner();
}
