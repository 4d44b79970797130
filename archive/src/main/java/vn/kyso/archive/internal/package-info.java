/**
 * The archive's implementation: the PostgreSQL catalogue, ingest with its recovery protocol,
 * BagIt export, preservation jobs and the object-store adapters.
 */
package vn.kyso.archive.internal;
