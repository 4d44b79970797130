package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.europa.esig.dss.asic.common.ZipUtils;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import org.junit.jupiter.api.Test;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Each entry of {@link DssErrors#MESSAGES} against the real DSS exception it stands for, provoked by
 * calling DSS as the engine does; and the fallbacks by type.
 */
class DssErrorsTest {

    @Test
    void aDocumentNoValidatorClaimsIsUnsupported() {
        Throwable e = catchThrowable(() -> SignedDocumentValidator.fromDocument(new InMemoryDocument(HostileInputs.PNG)));

        assertThat(e).isExactlyInstanceOf(UnsupportedOperationException.class);
        assertThat(DssErrors.byMessage(e)).isEqualTo(DssErrors.MESSAGES.get(0));
        ValidationException v = DssErrors.translate(e, ContentKind.PDF);
        assertThat(v.error()).isEqualTo(ValidationError.UNSUPPORTED_DOCUMENT);
        assertThat(v.getMessage()).isEqualTo("the PDF carries no signature format that can be validated");
    }

    @Test
    void aZipBombIsTooComplex() {
        Throwable e = catchThrowable(() -> ZipUtils.getInstance()
                .extractContainerContent(new InMemoryDocument(HostileInputs.zipBomb(200L * 1024 * 1024))));

        assertThat(e).isInstanceOf(IllegalInputException.class).hasMessageContaining("Zip Bomb");
        assertThat(DssErrors.byMessage(e)).isEqualTo(DssErrors.MESSAGES.get(1));
        ValidationException v = DssErrors.translate(e, ContentKind.ZIP);
        assertThat(v.error()).isEqualTo(ValidationError.DOCUMENT_TOO_COMPLEX);
        assertThat(v.getMessage()).isEqualTo("the container exceeds the limits for entries or inflated size");
    }

    @Test
    void aContainerWithTooManyEntriesIsTooComplex() {
        Throwable e = catchThrowable(() -> ZipUtils.getInstance()
                .extractContainerContent(new InMemoryDocument(HostileInputs.manyEntries(1_500))));

        assertThat(e).isInstanceOf(IllegalInputException.class).hasMessageContaining("Too many files");
        assertThat(DssErrors.byMessage(e)).isEqualTo(DssErrors.MESSAGES.get(2));
        assertThat(DssErrors.translate(e, ContentKind.ZIP).error()).isEqualTo(ValidationError.DOCUMENT_TOO_COMPLEX);
        assertThat(DssErrors.MESSAGES).hasSize(3);
    }

    @Test
    void theTextAloneDecidesNothing() {
        // the same words from another type, or another type's words, fall through to the type rules
        assertThat(DssErrors.byMessage(new IllegalStateException("Zip Bomb detected"))).isNull();
        assertThat(DssErrors.translate(new IllegalStateException("Zip Bomb detected"), ContentKind.ZIP).error())
                .isEqualTo(ValidationError.MALFORMED_DOCUMENT);
        assertThat(DssErrors.translate(new IllegalInputException("Unable to parse"), ContentKind.XML).error())
                .isEqualTo(ValidationError.MALFORMED_DOCUMENT);
        assertThat(DssErrors.translate(new StackOverflowError(), ContentKind.XML).error())
                .isEqualTo(ValidationError.DOCUMENT_TOO_COMPLEX);
        assertThat(DssErrors.translate(new AssertionError("x"), ContentKind.XML).error())
                .isEqualTo(ValidationError.VALIDATION_FAILED);
    }
}
