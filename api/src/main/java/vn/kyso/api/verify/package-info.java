/**
 * The pages: the public verification page at {@code /verify} (citizens upload a signed document, from a
 * phone or from a QR code link, and read the verdict), the archivist's {@code /archive} (search the
 * catalogue, open a record, download its original, evidence and BagIt package) and the clerk's
 * {@code /letters}, with the security headers they share. Each is static HTML, CSS and vanilla JavaScript
 * under {@code static/}, served by this application only, with no build step.
 */
package vn.kyso.api.verify;
