/** The fixture's core: a back edge to signing. */
package vn.kyso.archfixture.graph.core;
