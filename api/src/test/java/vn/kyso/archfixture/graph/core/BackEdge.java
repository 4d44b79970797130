package vn.kyso.archfixture.graph.core;

import vn.kyso.archfixture.graph.signing.Signer;

/** Violation: core uses signing, which depends on core (a back edge). */
final class BackEdge {

    Signer signer;
}
