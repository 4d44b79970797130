package vn.kyso.exchange.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;
import vn.kyso.core.KeyFamily;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;
import vn.kyso.exchange.MessageHeader;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/** The validator's part of receiving: the message's own signature and each attachment's. */
final class IncomingChecks {

    private final ValidationService validation;

    IncomingChecks(ValidationService validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
    }

    /** One attachment as received and checked. */
    record Received(String name, String contentType, byte[] content, String sha256, ValidationReport report) {
    }

    SignatureReport verifyEnvelope(byte[] edxml) {
        ValidationReport report;
        try {
            report = validation.validate(new ValidationRequest(new SignedFile("edxml.xml", edxml), List.of(), null,
                    false)).report();
        } catch (ValidationException e) {
            throw new Rejected(e.error() == ValidationError.DOCUMENT_TOO_LARGE ? ExchangeError.MESSAGE_TOO_LARGE
                    : ExchangeError.SIGNATURE_INVALID, "the message's signature cannot be validated: "
                    + e.getMessage());
        }
        if (report.verdict() == Verdict.UNSIGNED || report.signatures().isEmpty()) {
            throw new Rejected(ExchangeError.UNSIGNED, "the validator found no signature on the message");
        }
        if (report.signatures().size() != 1) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING, "the validator found "
                    + report.signatures().size() + " signatures on the message");
        }
        SignatureReport s = report.signatures().get(0);
        if (report.verdict() != Verdict.VALID || s.verdict() != Verdict.VALID) {
            throw new Rejected(ExchangeError.SIGNATURE_INVALID, "the message's signature is " + report.verdict()
                    + ": " + s.reason().en());
        }
        if (s.family() != KeyFamily.SPECIALISED) {
            throw new Rejected(ExchangeError.SIGNER_NOT_SPECIALISED, "the message is signed by '" + s.signerName()
                    + "' with a " + (s.family() == null ? "untrusted" : s.family().name().toLowerCase(Locale.ROOT))
                    + " key; inter-agency messages need a specialised key");
        }
        return s;
    }

    /**
     * The attachments, each matching the manifest and its digest, validly signed; the letter's signers
     * must include the header's. A recall may carry none ({@code allowNone}).
     */
    List<Received> attachments(Element root, Element envelope, MessageHeader header, boolean allowNone) {
        Map<String, Element> encoded = new LinkedHashMap<>();
        for (Element wrapper : SafeXml.children(root, EdxmlFormat.NS, "AttachmentEncoded")) {
            for (Element a : SafeXml.children(wrapper, EdxmlFormat.NS, "Attachment")) {
                String id = EdxmlFormat.contentId(SafeXml.text(a, EdxmlFormat.NS, "ContentId"));
                if (id.isEmpty() || encoded.put(id, a) != null) {
                    throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "an attachment has no or a repeated ContentId");
                }
            }
        }
        List<Element> references = EdxmlFormat.manifestReferences(envelope);
        if (references.isEmpty() && !allowNone) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the manifest lists no attachment");
        }
        if (references.size() != encoded.size()) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the manifest lists " + references.size()
                    + " attachments but the message carries " + encoded.size());
        }
        List<Received> files = new ArrayList<>();
        for (Element ref : references) {
            String id = EdxmlFormat.contentId(ref.hasAttributeNS(EdxmlFormat.XLINK_NS, "href")
                    ? ref.getAttributeNS(EdxmlFormat.XLINK_NS, "href") : SafeXml.text(ref, EdxmlFormat.NS, "ContentId"));
            Element a = encoded.remove(id);
            if (a == null) {
                throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment " + id + " is not in the message");
            }
            files.add(received(ref, a));
        }
        if (files.isEmpty()) {
            return files;
        }
        // The letter comes first; its signers must include the one the header names.
        List<String> signers = files.get(0).report().signatures().stream().map(SignatureReport::signerName).toList();
        if (signers.stream().noneMatch(s -> same(s, header.signerFullName()))) {
            throw new Rejected(ExchangeError.HEADER_MISMATCH, "the header names '" + header.signerFullName()
                    + "' as signer but the letter is signed by " + signers);
        }
        return files;
    }

    private Received received(Element ref, Element a) {
        String name = Objects.requireNonNullElse(SafeXml.text(a, EdxmlFormat.NS, "AttachmentName"), "attachment");
        byte[] content;
        try {
            String b64 = Objects.requireNonNullElse(SafeXml.text(a, EdxmlFormat.NS, "ContentTransferEncoded"), "");
            content = Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment '" + name + "' is not base64");
        }
        if (content.length == 0) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment '" + name + "' is empty");
        }
        String digest = sha256(content);
        List<Element> declared = SafeXml.children(ref, EdxmlFormat.KYSO_NS, "Sha256");
        if (declared.size() > 1) {
            throw new Rejected(ExchangeError.ATTACHMENT_DIGEST_MISMATCH, "more than one digest for '" + name + "'");
        }
        if (declared.size() == 1 && !declared.get(0).getTextContent().strip().equalsIgnoreCase(digest)) {
            throw new Rejected(ExchangeError.ATTACHMENT_DIGEST_MISMATCH, "the attachment '" + name
                    + "' is not the file the header names (SHA-256 differs)");
        }
        ValidationReport report = validateAttachment(name, content, ExchangeError.ATTACHMENT_SIGNATURE_INVALID);
        if (report.verdict() != Verdict.VALID) {
            throw new Rejected(ExchangeError.ATTACHMENT_SIGNATURE_INVALID, "the attachment '" + name
                    + "' is " + report.verdict() + ": " + report.summary().en());
        }
        return new Received(name, SafeXml.text(a, EdxmlFormat.NS, "ContentType"), content, digest, report);
    }

    ValidationReport validateAttachment(String name, byte[] content, ExchangeError reason) {
        try {
            return validation.validate(new ValidationRequest(new SignedFile(name, content), List.of(), null, false))
                    .report();
        } catch (ValidationException e) {
            if (reason == ExchangeError.INVALID_REQUEST) {
                throw new ExchangeException(reason, "the attachment '" + name + "' cannot be validated: "
                        + e.getMessage(), e);
            }
            throw new Rejected(reason, "the attachment '" + name + "' cannot be validated: " + e.getMessage());
        }
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
