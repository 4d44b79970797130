/**
 * Ports the archive depends on and other code implements: the write-once {@link
 * vn.kyso.archive.spi.ObjectStore} with its filesystem and S3 (MinIO client) adapters.
 */
package vn.kyso.archive.spi;
