/**
 * The module graph and the boundary rules every module's architecture test applies (ADR 0010): declared once
 * in {@link vn.kyso.core.testing.architecture.KysoModules}, checked per module by subclasses of
 * {@link vn.kyso.core.testing.architecture.ModuleBoundaries} and for the whole service by api's
 * {@code ModuleGraphTest}.
 */
package vn.kyso.core.testing.architecture;
