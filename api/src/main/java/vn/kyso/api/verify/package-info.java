/**
 * The public verification page at {@code /verify}: citizens upload a signed document, from a phone or
 * from a QR code link, and read the verdict. The page is static HTML, CSS and vanilla JavaScript under
 * {@code static/verify/}, served by this application only, with no build step.
 */
package vn.kyso.api.verify;
