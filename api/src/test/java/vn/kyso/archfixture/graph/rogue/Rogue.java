package vn.kyso.archfixture.graph.rogue;

/** Violation: a package under the base that no entry of KysoModules declares. */
final class Rogue {
}
