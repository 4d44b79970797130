/**
 * Implementation of the signing module: DSS, PDFBox and PKCS#11 adapters; nothing here is public API.
 */
package vn.kyso.signing.internal;
