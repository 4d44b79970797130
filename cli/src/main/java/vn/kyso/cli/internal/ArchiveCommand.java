package vn.kyso.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code kyso archive}: the long-term archive's commands. */
@Command(name = "archive", description = "Archive documents, find, fetch and export them, run preservation jobs")
final class ArchiveCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "archive needs put, get, search, export or job");
    }
}
