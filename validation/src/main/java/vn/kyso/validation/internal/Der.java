package vn.kyso.validation.internal;

/**
 * Where the elements of a BER or DER structure lie in its bytes, for the few places that must see an
 * encoding exactly as written (a parser re-encodes). Definite and indefinite lengths; input that
 * {@link DerGuard} has already bounded.
 */
final class Der {

    /** One element: its first byte, its content, and the byte after it. */
    record Element(int start, int contentStart, int contentEnd, int end) {

        /** The {@code index}-th element inside this one. */
        Element child(byte[] d, int index) {
            int at = contentStart;
            for (int i = 0; i < index; i++) {
                at = Der.at(d, at).end();
            }
            if (at >= contentEnd) {
                throw new IllegalArgumentException("no element " + index);
            }
            return Der.at(d, at);
        }

        Element lastChild(byte[] d) {
            Element last = null;
            for (int at = contentStart; at < contentEnd; at = last.end()) {
                last = Der.at(d, at);
            }
            if (last == null) {
                throw new IllegalArgumentException("empty");
            }
            return last;
        }
    }

    private static final int MAX_DEPTH = 64;

    private Der() {
    }

    static Element at(byte[] d, int start) {
        return at(d, start, 0);
    }

    private static Element at(byte[] d, int start, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        int pos = start + 1;
        if ((d[start] & 0x1f) == 0x1f) {
            while ((d[pos] & 0x80) != 0) {
                pos++;
            }
            pos++;
        }
        int first = d[pos++] & 0xff;
        if (first == 0x80) {
            // indefinite: children until the end-of-contents octets 00 00
            int at = pos;
            while (!(d[at] == 0 && d[at + 1] == 0)) {
                at = at(d, at, depth + 1).end();
            }
            return new Element(start, pos, at, at + 2);
        }
        long length = first;
        if (first > 0x80) {
            length = 0;
            for (int k = 0; k < (first & 0x7f); k++) {
                length = (length << 8) | (d[pos++] & 0xff);
            }
        }
        if (pos + length > d.length) {
            throw new IllegalArgumentException("length beyond the data");
        }
        return new Element(start, pos, (int) (pos + length), (int) (pos + length));
    }
}
