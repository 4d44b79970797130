package vn.kyso.archfixture.graph.signing.internal;

import eu.europa.esig.dss.model.InMemoryDocument;
import java.nio.charset.StandardCharsets;
import vn.kyso.archfixture.graph.core.CoreValue;
import vn.kyso.archfixture.graph.signing.Signer;

/** Allowed: an adapter in internal using DSS and mapping to core's values. */
public final class DssSigner implements Signer {

    @Override
    public CoreValue sign(CoreValue value) {
        return new CoreValue(new InMemoryDocument(value.text().getBytes(StandardCharsets.UTF_8), "signed").getName());
    }
}
