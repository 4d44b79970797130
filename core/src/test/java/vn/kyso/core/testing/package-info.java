/** Test support shared by every module through the core test-jar: measuring helpers for benchmarks, a polling
 * helper for tests that wait ({@link vn.kyso.core.testing.Eventually}). */
package vn.kyso.core.testing;
