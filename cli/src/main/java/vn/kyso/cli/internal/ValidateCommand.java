package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kyso validate}: the verdict and each signature in the terminal, in Vietnamese or English; the PDF
 * report saved with {@code --pdf}. Exits 0 only for VALID, so a script can gate on it.
 */
@Command(name = "validate", description = "Validate a signed file (ETSI EN 319 102-1) and show the report")
final class ValidateCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed file")
    Path file;

    @Option(names = "--original", description = "The signed data of a detached signature (repeatable)")
    List<Path> originals;

    @Option(names = "--pdf", paramLabel = "OUT.pdf", description = "Also save the PDF report here")
    Path pdf;

    @Option(names = "--etsi", paramLabel = "OUT.xml", description = "Also save the ETSI TS 119 102-2 report here")
    Path etsi;

    @Option(names = "--json", description = "Print the service's JSON report as it is")
    boolean json;

    ValidateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode report = context.api().post("api/v1/validations", form("json"), "application/json", Map.of())
                .json();
        if (json) {
            context.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            print(report);
        }
        if (pdf != null) {
            Output.write(pdf, context.api().post("api/v1/validations", form("pdf"), "application/pdf", Map.of())
                    .body());
            context.out.println("PDF report: " + pdf);
        }
        if (etsi != null) {
            Output.write(etsi, context.api().post("api/v1/validations", form("etsi"), "application/xml", Map.of())
                    .body());
            context.out.println("ETSI report: " + etsi);
        }
        return "VALID".equals(report.path("verdict").asText()) ? Exit.OK : Exit.NEGATIVE;
    }

    private Multipart form(String format) throws java.io.IOException {
        Multipart form = new Multipart().field("format", format).field("lang", context.language()).file("file", file);
        if (originals != null) {
            for (Path o : originals) {
                form.file("original", o);
            }
        }
        return form;
    }

    private void print(JsonNode report) {
        String lang = context.language();
        context.out.println(report.path("documentName").asText(file.getFileName().toString()) + ": "
                + report.path("verdict").asText() + " — " + text(report.path("summary"), lang));
        int n = 1;
        for (JsonNode s : report.path("signatures")) {
            String who = s.path("signerName").asText("?");
            if (s.hasNonNull("organisation")) {
                who += " (" + s.path("organisation").asText() + ")";
            }
            context.out.println("  " + n++ + ". " + s.path("verdict").asText() + "  " + who + "  "
                    + s.path("format").asText("") + "  " + s.path("claimedSigningTime").asText(""));
            if (s.has("reason")) {
                context.out.println("     " + text(s.path("reason"), lang));
            }
            for (JsonNode change : s.path("changesAfterSigning")) {
                context.out.println("     ! " + text(change, lang));
            }
        }
        for (JsonNode f : report.path("findings")) {
            context.out.println("  - " + text(f, lang));
        }
    }

    /** An Explanation {code, vi, en} in the asked language, the other when it is missing. */
    static String text(JsonNode explanation, String lang) {
        String other = "vi".equals(lang) ? "en" : "vi";
        return explanation.path(lang).asText(explanation.path(other).asText(""));
    }
}
