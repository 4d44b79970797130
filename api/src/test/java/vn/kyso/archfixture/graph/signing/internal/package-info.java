/** The fixture's signing internals: engine types are allowed here. */
package vn.kyso.archfixture.graph.signing.internal;
