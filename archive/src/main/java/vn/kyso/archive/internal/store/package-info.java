/**
 * Adapters of the write-once {@link vn.kyso.archive.spi.ObjectStore} port: a local filesystem store
 * (the zero-setup default) and an S3 store through the MinIO client. Both enforce write-once keys,
 * retention and legal hold themselves, whatever the backend does (ADR 0006).
 */
package vn.kyso.archive.internal.store;
