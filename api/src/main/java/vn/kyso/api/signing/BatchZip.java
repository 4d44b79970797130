package vn.kyso.api.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.SignedDocument;

/**
 * A batch's signed files as a ZIP ({@code Accept: application/zip}): one entry per signed input under its
 * name made safe, and {@code manifest.json} listing every input with its entry or its problem. Written
 * straight to the response's stream, so the ZIP is never held whole in memory.
 */
final class BatchZip {

    static final String MEDIA_TYPE = "application/zip";
    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Long names are cut here: some unzip tools and file systems stop at 255 bytes. */
    private static final int MAX_NAME = 120;

    private BatchZip() {
    }

    /** The manifest: one line per input, in upload order. */
    record Manifest(int signed, int failed, List<Entry> entries) {
    }

    /** One input: its entry in the ZIP when signed, its problem otherwise. */
    record Entry(int index, String name, String status, String entry, String mediaType, String format,
            String level, String signingTime, String sha256, BatchResponse.ItemProblem problem) {
    }

    /**
     * Whether the client asked for the ZIP: application/zip accepted with a higher quality than JSON (a
     * browser's or curl's wildcard keeps the JSON answer this endpoint always gave).
     */
    static boolean asked(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double zip = 0;
        double json = 0;
        for (org.springframework.http.MediaType m : org.springframework.http.MediaType.parseMediaTypes(accept)) {
            if (m.getType().equals("application") && m.getSubtype().equals("zip")) {
                zip = Math.max(zip, m.getQualityValue());
            } else if (m.includes(org.springframework.http.MediaType.APPLICATION_JSON)) {
                json = Math.max(json, m.getQualityValue());
            }
        }
        return zip > 0 && zip > json;
    }

    static void write(List<BatchItemResult> results, OutputStream out) throws IOException {
        Set<String> taken = new HashSet<>();
        taken.add(MANIFEST);
        List<Entry> entries = new ArrayList<>();
        int signed = 0;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (BatchItemResult r : results) {
            SignedDocument s = r.signed();
            if (s == null) {
                entries.add(new Entry(r.index(), r.name(), "FAILED", null, null, null, null, null, null,
                        new BatchResponse.ItemProblem(r.failure().code(), r.failure().message())));
                continue;
            }
            String entry = unique(safeName(s.name(), r.index()), taken);
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(s.content());
            zip.closeEntry();
            signed++;
            entries.add(new Entry(r.index(), r.name(), "SIGNED", entry, s.mediaType(), Params.label(s.format()),
                    Params.label(s.level()), s.signingTime().toString(), sha256(s.content()), null));
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writeValueAsBytes(new Manifest(signed, results.size() - signed, entries)));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /**
     * The last path segment, without control characters, characters Windows refuses, or a leading dot
     * (a hidden file, or ".." itself): a name from the client must not climb out of the folder it is
     * unzipped into (Zip Slip) nor fail to extract.
     */
    static String safeName(String name, int index) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0
                ? '_' : c));
        String safe = out.toString().strip().replaceFirst("^\\.+", "").replaceFirst("[. ]+$", "");
        if (safe.codePointCount(0, safe.length()) > MAX_NAME) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_NAME - ext.length())) + ext;
        }
        return safe.isEmpty() ? "file-" + (index + 1) : safe;
    }

    /** "x.pdf", then "x (2).pdf", …: two inputs may share a name, a ZIP's entries should not. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
