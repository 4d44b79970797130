package vn.kyso.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Document;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;

/**
 * A prepared state as bytes for the database. Written field by field with a version byte rather than
 * with Java serialization, so a row can never make the reader instantiate an arbitrary class.
 */
final class PendingCodec {

    /** 2 adds the remote signer's signature image; rows of version 1, written before, are read as without. */
    private static final int VERSION = 2;
    private static final int WITHOUT_IMAGE = 1;

    private PendingCodec() {
    }

    static byte[] encode(PreparedState s) {
        var bytes = new ByteArrayOutputStream(s.document().content().length + 4096);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, s.caller());
            writeString(out, s.document().name());
            writeBytes(out, s.document().content());
            out.writeInt(s.chain().size());
            for (byte[] der : s.chain()) {
                writeBytes(out, der);
            }
            SignOptions o = s.options();
            writeEnum(out, o.format());
            writeEnum(out, o.level());
            writeEnum(out, o.packaging());
            writeEnum(out, o.appearance());
            Placement p = o.placement();
            out.writeBoolean(p != null);
            if (p != null) {
                out.writeInt(p.page());
                out.writeFloat(p.x());
                out.writeFloat(p.y());
                out.writeFloat(p.width());
                out.writeFloat(p.height());
            }
            writeString(out, o.numberSymbol());
            writeString(out, o.copyForm());
            writeEnum(out, o.digest());
            writeEnum(out, o.requiredFamily());
            writeEnum(out, o.jwsSerialization());
            writeEnum(out, o.copySource());
            out.writeLong(s.signingTime().getEpochSecond());
            out.writeInt(s.signingTime().getNano());
            writeBytes(out, s.toBeSigned());
            out.writeBoolean(s.signatureImage() != null);
            if (s.signatureImage() != null) {
                writeBytes(out, s.signatureImage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static PreparedState decode(byte[] raw) {
        try (var in = new DataInputStream(new ByteArrayInputStream(raw))) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != WITHOUT_IMAGE) {
                throw new IllegalStateException("unknown prepared-signature format " + version);
            }
            String caller = readString(in);
            Document document = new Document(readString(in), readBytes(in));
            int n = in.readInt();
            List<byte[]> chain = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chain.add(readBytes(in));
            }
            SignatureFormat format = readEnum(in, SignatureFormat::valueOf);
            SignatureLevel level = readEnum(in, SignatureLevel::valueOf);
            Packaging packaging = readEnum(in, Packaging::valueOf);
            Appearance appearance = readEnum(in, Appearance::valueOf);
            Placement placement = in.readBoolean()
                    ? new Placement(in.readInt(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat())
                    : null;
            String numberSymbol = readString(in);
            String copyForm = readString(in);
            DigestAlgorithm digest = readEnum(in, DigestAlgorithm::valueOf);
            KeyFamily family = readEnum(in, KeyFamily::valueOf);
            JwsSerialization jws = readEnum(in, JwsSerialization::valueOf);
            CopySource copySource = readEnum(in, CopySource::valueOf);
            SignOptions options = new SignOptions(format, level, packaging, appearance, placement, numberSymbol,
                    copyForm, digest, family, jws, copySource);
            Instant signingTime = Instant.ofEpochSecond(in.readLong(), in.readInt());
            byte[] toBeSigned = readBytes(in);
            byte[] image = version == VERSION && in.readBoolean() ? readBytes(in) : null;
            return new PreparedState(caller, document, chain, options, signingTime, toBeSigned, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length");
        }
        return in.readNBytes(n);
    }

    private static void writeEnum(DataOutputStream out, Enum<?> e) throws IOException {
        writeString(out, e == null ? null : e.name());
    }

    private static <E> E readEnum(DataInputStream in, Function<String, E> valueOf) throws IOException {
        String name = readString(in);
        return name == null ? null : valueOf.apply(name);
    }
}
