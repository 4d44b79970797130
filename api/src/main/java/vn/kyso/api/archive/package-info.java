/** The archive's REST API: ingest, search, retrieval, export, preservation jobs and disposal. */
package vn.kyso.api.archive;
