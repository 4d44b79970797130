package vn.kyso.core;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The core module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class CoreModuleBoundariesTest extends ModuleBoundaries {

    CoreModuleBoundariesTest() {
        super("core");
    }
}
