package vn.kyso.conversion;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The conversion module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class ConversionModuleBoundariesTest extends ModuleBoundaries {

    ConversionModuleBoundariesTest() {
        super("conversion");
    }
}
