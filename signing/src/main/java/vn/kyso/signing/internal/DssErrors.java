package vn.kyso.signing.internal;

import eu.europa.esig.dss.spi.exception.IllegalInputException;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cms.CMSException;
import org.xml.sax.SAXException;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Translates what DSS and PDFBox throw into our stable error codes, once, in one place. By type first:
 * our own exception anywhere in the cause chain; the {@link RefusingAlert} of the DSS check that failed
 * (revoked, revocation missing or not fresh, broken time-stamp); DSS's and PDFBox's
 * {@code InvalidPasswordException}; an XML or CMS parser's exception; DSS's {@link IllegalInputException}
 * ("the input is wrong"). Only where DSS offers no type does {@link #MESSAGES} look at the text: each
 * entry names the DSS message it matches and has a test that provokes it (DssErrorsTest).
 */
final class DssErrors {

    /** A cause DSS names only in its message text: the needle (lower case), our code, the client's text. */
    record MessageRule(String needle, SigningError error, String message) {
    }

    /**
     * The one table of DSS message texts, checked before the type of {@link IllegalInputException}
     * because DSS throws that type for unsigned input too. Entries as DSS 6.4 words them:
     * <ul>
     * <li>"No signatures found to be extended!" (PAdES, XAdES, JAdES, ASiC, CAdES B-T) and "Unable to
     * extend the document! No signatures found." (CAdES extension): an augmentation of an unsigned file.
     * </ul>
     */
    static final List<MessageRule> MESSAGES = List.of(
            new MessageRule("no signature", SigningError.NOTHING_TO_AUGMENT,
                    "the document carries no signature to augment"));

    private DssErrors() {
    }

    static SigningException translate(RuntimeException e, String formatName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SigningException s) {
                return s;
            }
            if (t instanceof RefusingAlert.Refusal r) {
                return new SigningException(r.error(), r.clientMessage(), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof eu.europa.esig.dss.pades.exception.InvalidPasswordException
                    || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return new SigningException(SigningError.ENCRYPTED_PDF, "encrypted documents cannot be signed", e);
            }
        }
        MessageRule rule = byMessage(e);
        if (rule != null) {
            return new SigningException(rule.error(), rule.message(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXException || t instanceof CMSException || t instanceof IllegalInputException) {
                return new SigningException(SigningError.MALFORMED_DOCUMENT,
                        "the document could not be read as " + formatName, e);
            }
        }
        return new SigningException(SigningError.SIGNING_FAILED, "the document could not be signed as " + formatName, e);
    }

    /** The first rule whose needle is in the message of {@code e} or of one of its causes. */
    static MessageRule byMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            for (MessageRule rule : MESSAGES) {
                if (text.contains(rule.needle())) {
                    return rule;
                }
            }
        }
        return null;
    }
}
