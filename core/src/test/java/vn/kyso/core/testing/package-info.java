/** Test support shared by every module through the core test-jar: measuring helpers for benchmarks. */
package vn.kyso.core.testing;
