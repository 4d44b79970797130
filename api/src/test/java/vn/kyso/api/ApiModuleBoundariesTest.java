package vn.kyso.api;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The api module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class ApiModuleBoundariesTest extends ModuleBoundaries {

    ApiModuleBoundariesTest() {
        super("api");
    }
}
