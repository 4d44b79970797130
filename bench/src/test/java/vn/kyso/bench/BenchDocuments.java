package vn.kyso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kyso.signing.internal.SampleLetters;

/** The letters every contender signs and validates: the committed one-page sample and a generated 50-page one. */
final class BenchDocuments {

    private BenchDocuments() {
    }

    static byte[] onePage() {
        for (Path base : new Path[] {Path.of("samples/letters"), Path.of("../samples/letters")}) {
            Path p = base.resolve("cong-van-mot-trang.pdf");
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("samples/letters/cong-van-mot-trang.pdf not found");
    }

    /** A text letter of n A4 pages in Vietnamese, 45 lines a page, as the validation benchmark makes it. */
    static byte[] pages(int n) {
        return SampleLetters.textPages(n);
    }
}
