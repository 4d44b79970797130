/**
 * Implementation of the conversion facade: Tika for detection and text, LibreOffice through JODConverter for
 * office documents, PDFBox and Tesseract for images, veraPDF for the PDF/A check. Package-private except the
 * service the auto-configuration builds.
 */
package vn.kyso.conversion.internal;
