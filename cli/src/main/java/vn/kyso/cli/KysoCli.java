package vn.kyso.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The command-line client as a library: runs one {@code kyso} command and returns its exit code without
 * exiting, for tests and programs that embed it. {@link Kyso#main} is the same for a shell.
 */
public interface KysoCli {

    /**
     * @param environment where {@code KYSO_URL}, {@code KYSO_API_KEY} and {@code KYSO_TOKEN} are read
     * @return an {@link ExitCode#code()}
     */
    int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err);

    /** The implementation shipped in this jar. */
    static KysoCli load() {
        return ServiceLoader.load(KysoCli.class, KysoCli.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no KysoCli in META-INF/services"));
    }
}
