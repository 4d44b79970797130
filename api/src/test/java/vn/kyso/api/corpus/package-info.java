/**
 * The proof corpus of issue #10: public signed files and attacks generated from the demo's trusted keys,
 * run through the running service over HTTP and judged against a manifest of allowed verdicts.
 */
package vn.kyso.api.corpus;
