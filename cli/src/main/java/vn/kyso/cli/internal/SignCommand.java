package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kyso sign}: one file, a batch (several files, sent in chunks with a progress bar, answered as
 * ZIPs), or an ASiC-E container. Every option of the API's signing form is an option here; the service
 * checks the values, so a new level or format needs no new client.
 */
@Command(name = "sign", description = "Sign one file, a batch of files, or an ASiC-E container")
final class SignCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to sign")
    List<Path> files;

    @Option(names = {"-k", "--key"}, required = true, description = "Key id, from `kyso keys`")
    String key;

    @Option(names = {"-l", "--level"}, description = "B-B, B-T, B-LT or B-LTA (default B-B)")
    String level;

    @Option(names = {"-f", "--format"}, description = "PADES, XADES, CADES or JADES (default: from the content)")
    String format;

    @Option(names = "--packaging", description = "ENVELOPED, ENVELOPING or DETACHED (default: the format's)")
    String packaging;

    @Option(names = "--digest", description = "SHA256, SHA384 or SHA512")
    String digest;

    @Option(names = "--appearance", description = "Decree 30 layout of a visible PDF signature, e.g. person, "
            + "organisation, attachment, copy (default none)")
    String appearance;

    @Option(names = "--page", description = "Page of the visible signature from 1, 0 = last") Integer page;
    @Option(names = "--x", description = "Left edge in PDF points") Float x;
    @Option(names = "--y", description = "Top edge in PDF points") Float y;
    @Option(names = "--width", description = "Width in PDF points") Float width;
    @Option(names = "--height", description = "Height in PDF points") Float height;
    @Option(names = "--number-symbol", description = "Số, ký hiệu for the attachment layout") String numberSymbol;
    @Option(names = "--copy-form", description = "SAO Y, SAO LỤC or TRÍCH SAO for the copy layout") String copyForm;
    @Option(names = "--copy-source", description = "PAPER or ELECTRONIC for the copy layout") String copySource;
    @Option(names = "--family", description = "SPECIALISED or PUBLIC: the key family required") String family;
    @Option(names = "--jws-serialization", description = "JAdES: COMPACT, JSON or FLATTENED") String jws;

    @Option(names = "--container", description = "Sign all files into one ASiC-E container (XADES or CADES inside)")
    boolean container;

    @Option(names = {"-o", "--out"}, description = "Output file (one file or a container) or folder (a batch); "
            + "default: the service's file name in the current folder")
    Path out;

    @Option(names = "--chunk", defaultValue = "10", description = "Files per batch request (default 10; the "
            + "service's limit is kyso.api.max-batch-files)")
    int chunk;

    SignCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (container) {
            Multipart form = new Multipart().field("key", key).field("level", level).field("format", format)
                    .field("digest", digest);
            for (Path f : files) {
                form.file("files", f);
            }
            Api.Response r = context.api().post("api/v1/signatures/containers", form, "*/*", Map.of());
            Path written = Output.write(r, out, "container.asice");
            context.out.println("signed container: " + written + " (" + facts(r) + ")");
            return Exit.OK;
        }
        if (files.size() == 1 && (out == null || !Files.isDirectory(out))) {
            Multipart form = options(new Multipart()).file("file", files.get(0));
            Api.Response r = context.api().post("api/v1/signatures", form, "*/*", Map.of());
            Path written = Output.write(r, out, files.get(0).getFileName() + ".signed");
            context.out.println("signed: " + written + " (" + facts(r) + ")");
            return Exit.OK;
        }
        return batch();
    }

    private int batch() throws Exception {
        Path folder = out != null ? out : Path.of(".");
        Files.createDirectories(folder);
        Progress progress = new Progress(context.err, "signing", files.size());
        List<String> failures = new ArrayList<>();
        int signed = 0;
        for (int from = 0; from < files.size(); from += Math.max(1, chunk)) {
            List<Path> part = files.subList(from, Math.min(files.size(), from + Math.max(1, chunk)));
            Multipart form = options(new Multipart());
            for (Path f : part) {
                form.file("files", f);
            }
            Api.Response r = context.api().post("api/v1/signatures/batch", form, "application/zip", Map.of());
            Map<String, byte[]> entries = unzip(r.body());
            JsonNode manifest = Api.JSON.readTree(entries.get("manifest.json"));
            for (JsonNode e : manifest.path("entries")) {
                if ("SIGNED".equals(e.path("status").asText())) {
                    String entry = e.path("entry").asText();
                    Output.write(folder.resolve(entry), entries.get(entry));
                    signed++;
                } else {
                    failures.add(e.path("name").asText() + ": " + e.at("/problem/code").asText() + " "
                            + e.at("/problem/detail").asText());
                }
            }
            progress.advance(part.size(), part.get(part.size() - 1).getFileName().toString());
        }
        progress.finish();
        context.out.println(signed + " signed into " + folder + ", " + failures.size() + " failed");
        failures.forEach(f -> context.out.println("  failed: " + f));
        return failures.isEmpty() ? Exit.OK : Exit.NEGATIVE;
    }

    private Multipart options(Multipart form) {
        return form.field("key", key).field("level", level).field("format", format).field("packaging", packaging)
                .field("digest", digest).field("appearance", appearance).field("page", page).field("x", x)
                .field("y", y).field("width", width).field("height", height).field("numberSymbol", numberSymbol)
                .field("copyForm", copyForm).field("copySource", copySource).field("family", family)
                .field("jwsSerialization", jws);
    }

    private static String facts(Api.Response r) {
        return r.header("X-Signature-Format").orElse("?") + " " + r.header("X-Signature-Level").orElse("?")
                + ", signed at " + r.header("X-Signing-Time").orElse("?");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), java.nio.charset.StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        if (!entries.containsKey("manifest.json")) {
            throw new IOException("the service's ZIP has no manifest.json");
        }
        return entries;
    }
}
