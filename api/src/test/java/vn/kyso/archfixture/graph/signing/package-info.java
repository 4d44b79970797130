/** The fixture's signing facade: one clean interface, one engine leak, one facade that reaches into internal. */
package vn.kyso.archfixture.graph.signing;
