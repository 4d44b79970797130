package vn.kyso.access;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The access module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class AccessModuleBoundariesTest extends ModuleBoundaries {

    AccessModuleBoundariesTest() {
        super("access");
    }
}
