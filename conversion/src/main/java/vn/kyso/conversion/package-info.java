/**
 * Public API of the conversion module: the {@link vn.kyso.conversion.ConversionService} facade, which detects
 * a document's type from its content, extracts its text and turns it into PDF/A checked by veraPDF. No Tika,
 * LibreOffice, veraPDF or PDFBox type appears here.
 */
package vn.kyso.conversion;
