/**
 * HTTP endpoints of the signing module: they turn multipart and JSON requests into the
 * {@link vn.kyso.signing.SigningService} records and signed documents back into downloads.
 */
package vn.kyso.api.signing;
