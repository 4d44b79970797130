/**
 * Test fixtures of the archive shared through its test-jar: a real S3 server ({@link
 * vn.kyso.archive.testing.S3TestServer}) for adapter and fault tests.
 */
package vn.kyso.archive.testing;
