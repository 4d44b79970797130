package vn.kyso.cli.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kyso archive export}: a record or a whole file (hồ sơ) as a BagIt bag or an E-ARK CSIP package. */
@Command(name = "export", description = "Export a record (--record) or a file (--fond and --file-code)")
final class ArchiveExport implements Callable<Integer> {

    private final Context context;

    @Option(names = "--record", paramLabel = "RECORD-ID") String record;
    @Option(names = "--fond") String fondCode;
    @Option(names = "--file-code") String fileCode;
    @Option(names = "--format", defaultValue = "bagit", description = "bagit (RFC 8493) or eark (E-ARK CSIP)")
    String format;
    @Option(names = {"-o", "--out"}, description = "File or folder; default the service's name here") Path out;
    @Option(names = "--async", description = "Have the service build the package in the background (202) and "
            + "follow it with a progress bar before downloading it: for large files (hồ sơ)") boolean async;

    ArchiveExport(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        boolean eark = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "bagit" -> false;
            case "eark", "e-ark" -> true;
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--format is bagit or eark");
        };
        String path;
        if (record != null) {
            path = "api/v1/records/" + enc(record) + (eark ? "/eark-package" : "/package");
        } else if (fondCode != null && fileCode != null) {
            path = "api/v1/files/" + enc(fondCode) + "/" + enc(fileCode) + (eark ? "/eark-package" : "/package");
        } else {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --record, or --fond and --file-code");
        }
        String fallback = (record != null ? record : fileCode) + (eark ? "-eark.zip" : "-bagit.zip");
        Api.Response answer = async ? ExportFollower.follow(context, path) : context.api().get(path, "*/*");
        if (answer == null) {
            return Exit.NEGATIVE; // the export failed; its problem is printed
        }
        Path written = Output.write(answer, out, fallback);
        context.out.println("exported: " + written);
        return Exit.OK;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
