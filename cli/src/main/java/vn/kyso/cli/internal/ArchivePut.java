package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kyso archive put}: one document with its Appendix VI metadata as options, or a bulk transfer from
 * a CSV whose header names the form fields and whose {@code file} column names each document. Bulk
 * transfers use the service's asynchronous ingest ({@code Prefer: respond-async}) and show a progress bar
 * over the uploads, then over the background archiving with {@code --wait}.
 */
@Command(name = "put", description = "Archive a document, or every row of a CSV (bulk transfer)")
final class ArchivePut implements Callable<Integer> {

    private final Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The signed document (not with --csv)")
    Path file;

    @Option(names = "--csv", description = "Bulk: a CSV with a header row of field names and a `file` column")
    Path csv;

    @Option(names = "--fond", description = "Fond code (mã phông)") String fondCode;
    @Option(names = "--file-code", description = "File code (mã hồ sơ)") String fileCode;
    @Option(names = "--number", description = "Number and symbol (số, ký hiệu)") String numberSymbol;
    @Option(names = "--date", description = "Document date, YYYY-MM-DD") String documentDate;
    @Option(names = "--type", description = "Document type (tên loại), e.g. Công văn") String documentType;
    @Option(names = "--issuer", description = "Issuing body (cơ quan ban hành)") String issuer;
    @Option(names = "--subject", description = "Subject (trích yếu)") String subject;
    @Option(names = "--preservation", description = "Years, or permanent") String preservation;
    @Option(names = "--access", description = "public, internal or restricted") String accessRegime;
    @Option(names = "--document-id", description = "The id its QR code carries") String documentId;

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "Any other form field (repeatable)")
    Map<String, String> fields = new LinkedHashMap<>();

    @Option(names = "--async", description = "Answer at once (202) and archive in the background; always on "
            + "for --csv")
    boolean async;

    @Option(names = "--wait", description = "With --csv or --async: wait until every record is archived")
    boolean waitForAll;

    ArchivePut(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (csv == null)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "give either FILE or --csv");
        }
        if (file != null) {
            JsonNode r = put(file, own(), async);
            context.out.println(r.path("id").asText() + "  " + r.path("state").asText() + "  "
                    + r.at("/validation/verdict").asText("") + "  " + r.at("/metadata/numberSymbol").asText(""));
            if (async && waitForAll) {
                return waitFor(List.of(r.path("id").asText()));
            }
            return Exit.OK;
        }
        return bulk();
    }

    private Map<String, String> own() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", fondCode);
        m.put("fileCode", fileCode);
        m.put("numberSymbol", numberSymbol);
        m.put("documentDate", documentDate);
        m.put("documentType", documentType);
        m.put("issuer", issuer);
        m.put("subject", subject);
        m.put("preservation", preservation);
        m.put("accessRegime", accessRegime);
        m.put("documentId", documentId);
        m.putAll(fields);
        return m;
    }

    private JsonNode put(Path document, Map<String, String> metadata, boolean background) throws Exception {
        Multipart form = new Multipart().fields(metadata).file("file", document);
        Map<String, String> headers = background ? Map.of("Prefer", "respond-async") : Map.of();
        return context.api().post("api/v1/records", form, "application/json", headers).json();
    }

    private int bulk() throws Exception {
        List<Map<String, String>> rows = Csv.read(csv);
        Path base = csv.toAbsolutePath().getParent();
        Progress progress = new Progress(context.err, "uploading", rows.size());
        List<String> ids = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> metadata = new LinkedHashMap<>(own());
            metadata.values().removeIf(v -> v == null);
            metadata.putAll(row);
            String name = metadata.remove("file");
            if (name == null || name.isBlank()) {
                refused.add("a row without a file");
                progress.advance(1, "?");
                continue;
            }
            try {
                ids.add(put(base.resolve(name), metadata, true).path("id").asText());
            } catch (ApiProblem p) {
                if (p.exitCode() != Exit.REFUSED) {
                    throw p; // the service is down or we may not: the rest would fail the same way
                }
                refused.add(name + ": " + p.code() + " " + p.getMessage());
            }
            progress.advance(1, name);
        }
        progress.finish();
        context.out.println(ids.size() + " accepted, " + refused.size() + " refused");
        refused.forEach(r -> context.out.println("  refused: " + r));
        int result = waitForAll ? waitFor(ids) : Exit.OK;
        ids.forEach(context.out::println);
        return refused.isEmpty() ? result : Exit.NEGATIVE;
    }

    /** Polls each accepted record until it leaves ACCEPTED; a progress bar counts the finished ones. */
    private int waitFor(List<String> ids) throws Exception {
        Progress progress = new Progress(context.err, "archiving", ids.size());
        List<String> pending = new ArrayList<>(ids);
        List<String> failed = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        long pause = 200;
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                String id = it.next();
                String state = context.api().getJson("api/v1/records/" + id).path("state").asText();
                if (!"ACCEPTED".equals(state)) {
                    it.remove();
                    if (!"ACTIVE".equals(state)) {
                        failed.add(id + " " + state);
                    }
                    progress.advance(1, id);
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(pause);
                pause = Math.min(2000, pause * 2);
            }
        }
        progress.finish();
        failed.forEach(f -> context.out.println("  not archived: " + f));
        return failed.isEmpty() && pending.isEmpty() ? Exit.OK : Exit.NEGATIVE;
    }

    /** The small CSV this command reads: a header row, commas, double quotes around fields that need them. */
    static final class Csv {

        private Csv() {
        }

        static List<Map<String, String>> read(Path csv) throws IOException {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            lines.removeIf(String::isBlank);
            if (lines.isEmpty()) {
                return List.of();
            }
            List<String> header = split(lines.get(0).replace("\uFEFF", ""));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = split(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    row.put(header.get(i).strip(), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
