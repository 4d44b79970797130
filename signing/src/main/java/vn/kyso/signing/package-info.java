/**
 * Public API of the signing module: the {@link vn.kyso.signing.SigningService} facade and the
 * records it takes and returns. No DSS, PDFBox or PKCS#11 type appears here.
 */
package vn.kyso.signing;
