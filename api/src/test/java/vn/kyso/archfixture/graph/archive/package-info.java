/** The fixture's archive: a declared edge to signing, but into its internals. */
package vn.kyso.archfixture.graph.archive;
