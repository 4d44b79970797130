package vn.kyso.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample letters committed under samples/letters, shared by scripts, tests and benchmarks. */
final class BenchLetters {

    private BenchLetters() {
    }

    static byte[] oneLetter() {
        return read("cong-van-mot-trang.pdf");
    }

    static byte[] read(String name) {
        for (Path base : new Path[] {Path.of("samples/letters"), Path.of("../samples/letters")}) {
            Path p = base.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("sample letter " + name + " not found under samples/letters");
    }
}
