package vn.kyso.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kyso}: the global options and the command tree. */
@Command(name = "kyso", mixinStandardHelpOptions = true, version = "kyso 0.1",
        description = "Signs, validates, archives and verifies documents through a Kyso service.%n"
                + "Environment: KYSO_URL (default " + Context.DEFAULT_URL + "), KYSO_API_KEY or KYSO_TOKEN "
                + "(OIDC access token).",
        footer = {"%nExit codes: 0 done/valid, 1 done but negative (not VALID, a copy differs, a file of a batch "
                + "failed), 2 usage, 3 refused by the service (4xx), 4 not authenticated or not allowed (401/403), "
                + "5 service unavailable or failed (5xx, no connection), 6 local file error."})
final class KysoCommand implements Runnable {

    private final Context context;

    @Option(names = "--url", description = "The service's address; overrides KYSO_URL")
    void url(String url) {
        context.url = url;
    }

    @Option(names = "--lang", description = "vi or en: language of reports and of problems shown first "
            + "(sent as Accept-Language); default vi")
    void language(String language) {
        context.language = language;
    }

    KysoCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    /** Runs {@code args} and returns the exit code. */
    static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Context context = new Context(env, out, err);
        CommandLine cli = new CommandLine(new KysoCommand(context));
        cli.addSubcommand("keys", new KeysCommand(context));
        cli.addSubcommand("sign", new SignCommand(context));
        cli.addSubcommand("validate", new ValidateCommand(context));
        CommandLine archive = new CommandLine(new ArchiveCommand());
        archive.addSubcommand("put", new ArchivePut(context));
        archive.addSubcommand("get", new ArchiveGet(context));
        archive.addSubcommand("search", new ArchiveSearch(context));
        archive.addSubcommand("export", new ArchiveExport(context));
        archive.addSubcommand("job", new ArchiveJob(context));
        cli.addSubcommand("archive", archive);
        cli.addSubcommand("verify", new VerifyCommand(context));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, context));
        return cli.execute(args);
    }

    private static int failure(Exception ex, Context context) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof ApiProblem problem) {
            problem.print(context.err, context.language());
            return problem.exitCode();
        }
        if (e instanceof ConnectException || e instanceof java.net.http.HttpConnectTimeoutException) {
            context.err.println("kyso: cannot reach " + context.api().base() + " (" + e.getClass().getSimpleName()
                    + ") / không kết nối được tới dịch vụ");
            return Exit.UNAVAILABLE;
        }
        if (e instanceof LocalFileException || e instanceof java.nio.file.NoSuchFileException) {
            context.err.println("kyso: " + e.getMessage());
            return Exit.LOCAL_FILE;
        }
        if (e instanceof IOException) {
            context.err.println("kyso: " + e + " / lỗi kết nối");
            return Exit.UNAVAILABLE;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return Exit.UNAVAILABLE;
        }
        context.err.println("kyso: unexpected error: " + e);
        return Exit.UNAVAILABLE;
    }

    /** A file the user named that cannot be read or written. */
    static final class LocalFileException extends IOException {

        private static final long serialVersionUID = 1L;

        LocalFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
