package vn.kyso.letters;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The letters module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class LettersModuleBoundariesTest extends ModuleBoundaries {

    LettersModuleBoundariesTest() {
        super("letters");
    }
}
