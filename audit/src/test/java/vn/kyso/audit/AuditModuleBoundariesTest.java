package vn.kyso.audit;

import vn.kyso.core.testing.architecture.ModuleBoundaries;

/** The audit module against the module graph and boundary rules declared in KysoModules (ADR 0010). */
class AuditModuleBoundariesTest extends ModuleBoundaries {

    AuditModuleBoundariesTest() {
        super("audit");
    }
}
