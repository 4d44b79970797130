package vn.kyso.exchange;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The exchange module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class ExchangeModuleBoundariesTest extends ModuleBoundaries {

    ExchangeModuleBoundariesTest() {
        super("exchange");
    }
}
