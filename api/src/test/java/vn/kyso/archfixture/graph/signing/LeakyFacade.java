package vn.kyso.archfixture.graph.signing;

import eu.europa.esig.dss.model.DSSDocument;

/** Violations: a public class with behaviour on the facade, and a DSS type outside internal. */
public class LeakyFacade {

    public String name(DSSDocument document) {
        return document.getName();
    }
}
