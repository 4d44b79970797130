package vn.kyso.cli;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The CLI against the module graph and boundary rules declared in KysoModules (ADR 0010): no module at all. */
class CliModuleBoundariesTest extends ModuleBoundaries {

    CliModuleBoundariesTest() {
        super("cli");
    }
}
