package vn.kyso.signing;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The signing module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class SigningModuleBoundariesTest extends ModuleBoundaries {

    SigningModuleBoundariesTest() {
        super("signing");
    }
}
