package vn.kyso.archive;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The archive module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class ArchiveModuleBoundariesTest extends ModuleBoundaries {

    ArchiveModuleBoundariesTest() {
        super("archive");
    }
}
