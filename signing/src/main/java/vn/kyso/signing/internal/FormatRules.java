package vn.kyso.signing.internal;

import java.util.Objects;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/** Requests the XML and JOSE formats refuse, explained in Vietnamese and English. */
final class FormatRules {

    private FormatRules() {
    }

    /** A serialisation choice is a JAdES option; for another format it is a mistake worth saying. */
    static void checkSerializationFormat(SignOptions options, SignatureFormat format) {
        if (options.jwsSerialization() != null && format != SignatureFormat.JADES) {
            throw new SigningException(SigningError.INVALID_REQUEST,
                    "jwsSerialization applies to JAdES signatures only; this document is signed as " + format);
        }
    }

    /** The serialisation to write: flattened JSON by default, COMPACT only at B-B. */
    static JwsSerialization jwsSerialization(SignOptions options) {
        JwsSerialization serialization = Objects.requireNonNullElse(options.jwsSerialization(),
                JwsSerialization.JSON_FLATTENED);
        if (serialization == JwsSerialization.COMPACT && options.level() != SignatureLevel.B_B) {
            throw new SigningException(SigningError.COMPACT_SERIALIZATION_LEVEL,
                    "the JWS compact serialisation has no unsigned header for time-stamps and validation data, so "
                            + "it is available at level B-B only; choose JSON or JSON_FLATTENED",
                    "Dạng tuần tự hóa JWS rút gọn (COMPACT) không có phần tiêu đề không ký để chứa dấu thời gian và "
                            + "dữ liệu kiểm tra, nên chỉ dùng được ở mức B-B; hãy chọn JSON hoặc JSON_FLATTENED");
        }
        return serialization;
    }

    /** An enveloped signature must not break one the document already carries. */
    static void checkEnvelopedXml(Packaging packaging, byte[] content) {
        if (packaging == Packaging.ENVELOPED && EnvelopedSignatures.wouldBreak(content)) {
            throw new SigningException(SigningError.XML_SIGNATURE_WOULD_BREAK,
                    "the XML document already carries an enveloped signature over the whole document, which any "
                            + "further enveloped signature would break; sign it DETACHED or put the signers' files "
                            + "in an ASiC-E container",
                    "Tài liệu XML đã có chữ ký số bao trùm toàn bộ tài liệu; thêm một chữ ký nằm trong tài liệu sẽ "
                            + "làm hỏng chữ ký đó. Hãy ký dạng tách rời (DETACHED) hoặc dùng gói ASiC-E");
        }
    }
}
