package vn.kyso.validation;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The validation module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class ValidationModuleBoundariesTest extends ModuleBoundaries {

    ValidationModuleBoundariesTest() {
        super("validation");
    }
}
