package vn.kyso.demopki;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The demo-pki module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class DemoPkiModuleBoundariesTest extends ModuleBoundaries {

    DemoPkiModuleBoundariesTest() {
        super("demo-pki");
    }
}
