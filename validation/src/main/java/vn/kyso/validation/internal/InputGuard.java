package vn.kyso.validation.internal;

import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationRequest;

/**
 * The checks a request passes before DSS touches it, cheapest first: sizes, then the type from the
 * content, then the structural limits of that type. It runs inside the validation's time budget: the
 * checks are linear in the input, but PDFBox's lenient parser is not something to trust unbounded.
 */
final class InputGuard {

    private final InputLimits limits;

    InputGuard(InputLimits limits) {
        this.limits = limits;
    }

    /** @return the kind of the signed document */
    ContentKind check(ValidationRequest request) {
        SignedFile document = request.document();
        checkSize(document, "the document");
        if (request.originals().size() > limits.maxOriginals()) {
            throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                    "at most " + limits.maxOriginals() + " original files can be supplied");
        }
        for (SignedFile original : request.originals()) {
            checkSize(original, "the original " + original.name());
        }
        ContentKind kind = ContentKind.sniff(document.content()).orElseThrow(() -> new ValidationException(
                ValidationError.UNSUPPORTED_DOCUMENT,
                "not a signed document: expected PDF, XML, JSON/JWS, a CMS signature or an ASiC container"));
        switch (kind) {
            case PDF -> PdfGuard.check(document.content(), limits);
            case XML -> XmlGuard.check(document.content(), limits);
            case JSON, JWS_COMPACT -> JsonGuard.check(document.content(), kind, limits);
            case ZIP -> ZipGuard.check(document.content(), limits);
            case CMS -> DerGuard.check(document.content(), limits);
        }
        return kind;
    }

    private void checkSize(SignedFile file, String what) {
        if (file.content().length == 0) {
            throw new ValidationException(ValidationError.EMPTY_DOCUMENT, what + " is empty");
        }
        if (file.content().length > limits.maxDocumentBytes()) {
            throw new ValidationException(ValidationError.DOCUMENT_TOO_LARGE,
                    what + " is larger than " + limits.maxDocumentBytes() + " bytes");
        }
    }
}
