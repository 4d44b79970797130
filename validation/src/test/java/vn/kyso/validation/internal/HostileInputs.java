package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Generators of the files an attacker or a broken client sends instead of a signed document. */
final class HostileInputs {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    private HostileInputs() {
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        b[0] = 0x01; // never a format's first byte
        return b;
    }

    /** One entry of {@code inflated} zero bytes: compresses about a thousand times. */
    static byte[] zipBomb(long inflated) {
        return zip(new String[] {"mimetype", "bomb.bin"}, new byte[][] {text("application/vnd.etsi.asic-e+zip"),
                null}, inflated);
    }

    static byte[] manyEntries(int n) {
        String[] names = new String[n];
        byte[][] contents = new byte[n][];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i + ".txt";
            contents[i] = text("x");
        }
        return zip(names, contents, 0);
    }

    /** A ZIP inside a ZIP inside …, {@code depth} archives in all. */
    static byte[] nestedZips(int depth) {
        byte[] inner = zip(new String[] {"a.txt"}, new byte[][] {text("lá trong cùng")}, 0);
        for (int i = 1; i < depth; i++) {
            inner = zip(new String[] {"level" + i + ".zip"}, new byte[][] {inner}, 0);
        }
        return inner;
    }

    static byte[] billionLaughs() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            s.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                s.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            s.append("\">\n");
        }
        s.append("]>\n<lolz>&lol9;</lolz>");
        return text(s.toString());
    }

    static byte[] externalEntity(String uri) {
        return text("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + uri + "\">]>\n"
                + "<r><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">&xxe;</ds:Signature></r>");
    }

    static byte[] parameterEntity(String uri) {
        return text("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>\n<r/>");
    }

    static byte[] deepXml(int depth) {
        return text("<a>".repeat(depth) + "</a>".repeat(depth));
    }

    static byte[] deepJson(int depth) {
        return text("[".repeat(depth) + "]".repeat(depth));
    }

    /** A CMS signedData header followed by indefinite-length SEQUENCEs nested {@code depth} deep. */
    static byte[] deepDer(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x80);
        out.writeBytes(new byte[] {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07,
                0x02});
        for (int i = 0; i < depth; i++) {
            out.write(0x30);
            out.write(0x80);
        }
        for (int i = 0; i <= depth; i++) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A valid one-page PDF carrying {@code n} extra small objects, written by hand for speed. */
    static byte[] manyObjects(int n) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int total = n + 3;
        long[] offsets = new long[total + 1];
        offsets[1] = pdf.length();
        pdf.append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets[2] = pdf.length();
        pdf.append("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = pdf.length();
        pdf.append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        for (int i = 4; i <= total; i++) {
            offsets[i] = pdf.length();
            pdf.append(i).append(" 0 obj\n<< /N ").append(i).append(" >>\nendobj\n");
        }
        long xref = pdf.length();
        pdf.append("xref\n0 ").append(total + 1).append("\n0000000000 65535 f \n");
        for (int i = 1; i <= total; i++) {
            pdf.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        pdf.append("trailer\n<< /Size ").append(total + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The same PDF with its startxref offset pointing into nowhere and the xref keyword mangled. */
    static byte[] brokenXref(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("startxref");
        StringBuilder b = new StringBuilder(s);
        if (at >= 0) {
            int numberStart = at + "startxref".length() + 1;
            int numberEnd = s.indexOf('\n', numberStart + 1);
            b.replace(numberStart, numberEnd, "999999999");
        }
        String out = b.toString().replace("\nxref", "\nxerf");
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] truncate(byte[] data, double fraction) {
        return java.util.Arrays.copyOf(data, Math.max(1, (int) (data.length * fraction)));
    }

    static byte[] flipBit(byte[] data, Random random) {
        byte[] copy = data.clone();
        int i = random.nextInt(copy.length);
        copy[i] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] zip(String[] names, byte[][] contents, long zeros) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                if (contents[i] != null) {
                    zip.write(contents[i]);
                } else {
                    byte[] block = new byte[64 * 1024];
                    for (long written = 0; written < zeros; written += block.length) {
                        zip.write(block);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
