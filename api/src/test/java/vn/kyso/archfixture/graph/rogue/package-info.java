/** The fixture's undeclared module. */
package vn.kyso.archfixture.graph.rogue;
