/**
 * The archivist's page at {@code /archive}: search the archive catalogue, open a record and download its
 * original, evidence and BagIt package. Static HTML, CSS and vanilla JavaScript under {@code static/archive/}
 * over the archive REST API, with no build step.
 */
package vn.kyso.api.archivepage;
