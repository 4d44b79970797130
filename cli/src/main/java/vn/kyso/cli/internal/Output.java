package vn.kyso.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where downloads go: the file the user named, or the service's file name in a folder. */
final class Output {

    private Output() {
    }

    /**
     * @param target   a file, a folder, or null for the current folder
     * @param fallback the name to use when the answer carries none
     */
    static Path write(Api.Response r, Path target, String fallback) throws IOException {
        Path file;
        if (target != null && !Files.isDirectory(target)) {
            file = target;
        } else {
            // Only the last segment of the service's name: a download must not land outside the folder.
            String name = Path.of(r.filename().orElse(fallback).replace('\\', '/')).getFileName().toString();
            file = (target != null ? target : Path.of(".")).resolve(name.isBlank() || name.startsWith(".")
                    ? fallback : name);
        }
        return write(file, r.body());
    }

    static Path write(Path file, byte[] content) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, content);
        } catch (IOException e) {
            throw new KysoCommand.LocalFileException("cannot write " + file + ": " + e.getMessage()
                    + " / không ghi được tệp", e);
        }
    }
}
