package vn.kyso.dss;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The dss-support module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class DssSupportModuleBoundariesTest extends ModuleBoundaries {

    DssSupportModuleBoundariesTest() {
        super("dss-support");
    }
}
