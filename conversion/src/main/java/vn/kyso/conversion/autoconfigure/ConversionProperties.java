package vn.kyso.conversion.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.kyso.conversion.ConversionSettings;

/**
 * {@code kyso.conversion.*}: where LibreOffice and Tesseract are, and the limits of one conversion.
 *
 * <pre>
 * kyso.conversion.office-home=/usr/lib/libreoffice
 * kyso.conversion.pool-size=2
 * kyso.conversion.task-timeout=2m
 * kyso.conversion.max-size=50MB
 * kyso.conversion.ocr-languages=vie+eng
 * kyso.conversion.max-pages=5000
 * </pre>
 *
 * @param officeHome the LibreOffice installation; unset means /usr/lib/libreoffice or /opt/libreoffice
 * @param poolSize LibreOffice processes, each converting one document at a time; started on first use
 * @param taskTimeout the longest one conversion may run before its LibreOffice or Tesseract process is killed
 * @param maxSize the largest upload converted
 * @param maxExpandedSize the most a DOCX, XLSX, ODT or ODS may unpack to (zip-bomb limit)
 * @param maxTextLength characters of text extraction keeps
 * @param ocrLanguages Tesseract languages, {@code +}-joined
 * @param tesseractPath the tesseract binary; unset means the one on the PATH
 * @param fontDirectory where LiberationSerif-Regular.ttf is, for the OCR text layer of images
 * @param maxPages the most pages of a PDF converted, checked or extracted (DOCUMENT_TOO_COMPLEX beyond)
 *     <p>Values are checked by {@link ConversionSettings}'s constructor, so a bad one stops the context.
 */
@Validated
@ConfigurationProperties("kyso.conversion")
public record ConversionProperties(
        Path officeHome,
        @DefaultValue("2") int poolSize,
        @DefaultValue("2m") Duration taskTimeout,
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("500MB") DataSize maxExpandedSize,
        @DefaultValue("5000000") int maxTextLength,
        @DefaultValue("vie+eng") String ocrLanguages,
        Path tesseractPath,
        @DefaultValue("/usr/share/fonts/truetype/liberation2") Path fontDirectory,
        @DefaultValue("5000") int maxPages) {

    public ConversionSettings toSettings() {
        return new ConversionSettings(officeHome, poolSize, taskTimeout, maxSize.toBytes(), maxExpandedSize.toBytes(),
                maxTextLength, ocrLanguages, tesseractPath, fontDirectory, maxPages);
    }
}
