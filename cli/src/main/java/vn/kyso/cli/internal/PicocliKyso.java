package vn.kyso.cli.internal;

import java.io.PrintStream;
import java.util.Map;
import vn.kyso.cli.KysoCli;

/** The client built on picocli (found through META-INF/services). */
public final class PicocliKyso implements KysoCli {

    @Override
    public int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return KysoCommand.execute(args, environment, out, err);
    }
}
