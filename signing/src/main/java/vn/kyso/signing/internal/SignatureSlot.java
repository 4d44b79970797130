package vn.kyso.signing.internal;

/**
 * Writes a signature's CMS, as hexadecimal digits, into the space a prepared PDF reserved for it:
 * the first {@code hex.length} zeros after the {@code <} that opens the signature's {@code /Contents}
 * string.
 *
 * <p>Why not DSS's {@code PAdESUtils.replaceSignature}, which does the same: it copies the document one
 * byte at a time through a synchronised {@code BufferedInputStream} into a synchronised
 * {@code ByteArrayOutputStream}, and every reserved zero through a third stream. For a one-page letter
 * with its 24,000 reserved digits that was 40–45 % of a B-B signature's CPU (JFR, eighth session).
 * Here it is one scan of an array and one copy.
 *
 * <p>The rule is DSS's, byte for byte, so that both find the same place: a {@code <} followed by at
 * least {@code hex.length} zeros is a reserved space; the digits replace its first {@code hex.length}
 * zeros and the rest stay as padding. A document with no such space, or with two (one planted by the
 * document's author, say), gets no answer here, and the caller falls back to DSS, which re-signs from
 * the original in those cases.
 */
final class SignatureSlot {

    private SignatureSlot() {
    }

    /**
     * @param prepared the document with its reserved space, as DSS prepared it for the digest
     * @param hex      the CMS as hexadecimal digits
     * @return the signed document, or null when {@code prepared} does not hold exactly one reserved space
     */
    static byte[] fill(byte[] prepared, byte[] hex) {
        if (hex.length == 0) {
            return null;
        }
        int slot = -1;
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] != '<') {
                continue;
            }
            int zeros = 0;
            int j = i + 1;
            while (j < prepared.length && zeros < hex.length && prepared[j] == '0') {
                zeros++;
                j++;
            }
            if (zeros == hex.length) {
                if (slot >= 0) {
                    return null;
                }
                slot = i + 1;
                // The zeros beyond the digits are padding, read as ordinary bytes from here on.
                i = j - 1;
            }
        }
        if (slot < 0) {
            return null;
        }
        byte[] signed = prepared.clone();
        System.arraycopy(hex, 0, signed, slot, hex.length);
        return signed;
    }
}
