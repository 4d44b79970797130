package vn.kyso.validation.internal;

import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Walks the tag-length-value structure of a CMS signature without recursion, before BouncyCastle's
 * recursive parser does: lengths must stay inside their parent and constructed values must not nest
 * deeper than the limit.
 */
final class DerGuard {

    private DerGuard() {
    }

    static void check(byte[] der, InputLimits limits) {
        long[] ends = new long[limits.maxDerDepth() + 1];
        int depth = 0;
        ends[0] = der.length;
        int pos = 0;
        while (pos < der.length) {
            while (depth > 0 && ends[depth] >= 0 && pos == ends[depth]) {
                depth--;
            }
            if (depth == 0 && pos > 0) {
                break; // trailing bytes after the outer value are ignored, as BouncyCastle does
            }
            if (pos + 2 > der.length) {
                throw malformed();
            }
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                int guard = 0;
                while (pos < der.length && (der[pos] & 0x80) != 0 && guard++ < 4) {
                    pos++;
                }
                pos++;
            }
            if (pos >= der.length) {
                throw malformed();
            }
            int first = der[pos++] & 0xff;
            long length;
            if (first == 0x80) {
                length = -1;
            } else if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7f;
                if (octets > 4 || pos + octets > der.length) {
                    throw malformed();
                }
                length = 0;
                for (int k = 0; k < octets; k++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            }
            if (tag == 0 && length == 0) {
                // end-of-contents closes the innermost indefinite-length value
                if (depth == 0 || ends[depth] >= 0) {
                    throw malformed();
                }
                depth--;
                continue;
            }
            long parentEnd = parentEnd(ends, depth, der.length);
            if (length >= 0 && pos + length > parentEnd) {
                throw malformed();
            }
            boolean constructed = (tag & 0x20) != 0;
            if (constructed) {
                if (++depth > limits.maxDerDepth()) {
                    throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                            "the CMS signature nests values more than " + limits.maxDerDepth() + " deep");
                }
                ends[depth] = length < 0 ? -1 : pos + length;
            } else if (length < 0) {
                throw malformed();
            } else {
                pos += (int) length;
            }
        }
    }

    private static long parentEnd(long[] ends, int depth, int total) {
        for (int d = depth; d > 0; d--) {
            if (ends[d] >= 0) {
                return ends[d];
            }
        }
        return total;
    }

    private static ValidationException malformed() {
        return new ValidationException(ValidationError.MALFORMED_DOCUMENT, "the CMS signature is not valid DER");
    }
}
