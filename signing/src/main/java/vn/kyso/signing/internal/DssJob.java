package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.signature.MultipleDocumentsSignatureService;
import java.util.List;

/**
 * DSS's two-phase contract bound to one document (or container) and one parameter object. The same
 * parameter object must be used for both phases: it carries the signing date and, for PAdES, the
 * prepared PDF revision.
 */
interface DssJob {

    ToBeSigned dataToSign();

    DSSDocument sign(SignatureValue value);

    AbstractSignatureParameters<?> parameters();

    static <P extends AbstractSignatureParameters<?>> DssJob of(DocumentSignatureService<P, ?> service,
            DSSDocument document, P parameters) {
        return new DssJob() {
            @Override
            public ToBeSigned dataToSign() {
                return service.getDataToSign(document, parameters);
            }

            @Override
            public DSSDocument sign(SignatureValue value) {
                return service.signDocument(document, parameters, value);
            }

            @Override
            public AbstractSignatureParameters<?> parameters() {
                return parameters;
            }
        };
    }

    static <P extends AbstractSignatureParameters<?>> DssJob of(MultipleDocumentsSignatureService<P, ?> service,
            List<DSSDocument> documents, P parameters) {
        return new DssJob() {
            @Override
            public ToBeSigned dataToSign() {
                return service.getDataToSign(documents, parameters);
            }

            @Override
            public DSSDocument sign(SignatureValue value) {
                return service.signDocument(documents, parameters, value);
            }

            @Override
            public AbstractSignatureParameters<?> parameters() {
                return parameters;
            }
        };
    }
}
