package vn.kyso.api.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus manifest ({@code validation/src/test/resources/corpus/manifest.tsv}): one line per file with
 * its class, the verdicts allowed, whether a finding is required, its source (repository, path and
 * commit), licence, SHA-256 and why. Tab-separated so that a shell can count it too.
 */
final class CorpusManifest {

    static final Path DIRECTORY = Path.of("../validation/src/test/resources/corpus");

    /** One file of the corpus. */
    record Entry(Path file, String licence, String sha256, Expectation expectation) {
    }

    private CorpusManifest() {
    }

    static List<Entry> read() throws IOException {
        List<String> lines = Files.readAllLines(DIRECTORY.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t"));
        if (!header.equals(List.of("file", "class", "expect", "finding", "source", "licence", "sha256", "why"))) {
            throw new IllegalStateException("unexpected manifest header " + header);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != header.size()) {
                throw new IllegalStateException("manifest line with " + f.length + " fields: " + line);
            }
            entries.add(new Entry(DIRECTORY.resolve(f[0]), f[5], f[6], new Expectation(f[0],
                    Expectation.Kind.of(f[1]), Expectation.verdicts(f[2]), Expectation.Finding.of(f[3]), f[4], f[7])));
        }
        return entries;
    }
}
