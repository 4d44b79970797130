package vn.kyso.archfixture.graph.signing;

import vn.kyso.archfixture.graph.core.CoreValue;

/** Allowed: a facade interface speaking in core's values (signing may use core). */
public interface Signer {

    CoreValue sign(CoreValue value);
}
