package vn.kyso.archfixture.graph.core;

/** Allowed: a value on core's facade, used by signing. */
public record CoreValue(String text) {
}
