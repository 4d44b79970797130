package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

/**
 * Conversions per second of a one-page DOCX to PDF/A-2b: the JODConverter pool (two warm LibreOffice processes)
 * against one {@code soffice --headless --convert-to} process per file with the same PDF/A filter option, both
 * with two conversions in flight on this two-core machine. The full service (detection, conversion, veraPDF
 * check) is measured too, since that is what a request pays. Run with scripts/bench.sh.
 */
@Tag("benchmark")
class ConversionBenchmark {

    private static final int WORKERS = 2;
    private static final int POOLED = 40;
    private static final int PER_PROCESS = 8;
    /** LibreOffice 7.4+ takes export filter options as JSON after the filter name. */
    private static final String PDFA_FILTER =
            "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"}}";

    @Test
    void pooledConverterAgainstAProcessPerFile() throws Exception {
        LibreOfficeConversionService service = Samples.service();
        byte[] docx = Samples.document(SourceFormat.DOCX);
        Path work = Files.createDirectories(Samples.tempDir().resolve("bench-conversion"));
        Path input = work.resolve("mot-trang.docx");
        Files.write(input, docx);

        // Warm-up: the pool's processes start, the CLI profile is created, veraPDF loads its profiles.
        for (int i = 0; i < 4; i++) {
            service.toPdfA(ConversionRequest.of(docx));
        }
        Path profile = work.resolve("profile");
        byte[] cliPdf = soffice(input, work.resolve("out-warm"), profile);
        assertThat(service.checkPdfA(cliPdf).compliant()).as("the CLI's PDF is PDF/A-2b as well").isTrue();

        double pooled = perSecond(POOLED, i -> service.pool().toPdfA(docx, SourceFormat.DOCX, PdfAProfile.PDF_A_2B));
        double full = perSecond(POOLED, i -> service.toPdfA(ConversionRequest.of(docx)).pdf());
        AtomicInteger workers = new AtomicInteger();
        // Two soffice processes on one profile directory hand the job to each other; one profile per worker
        // thread, kept warm across its runs.
        ThreadLocal<Path> ownProfile = ThreadLocal.withInitial(() -> work.resolve("profile-" + workers.getAndIncrement()));
        double perProcess = perSecond(PER_PROCESS, i -> soffice(input, work.resolve("out-" + i), ownProfile.get()));
        double ratio = pooled / perProcess;

        String table = String.format(Locale.ROOT, """
                # Conversion benchmark

                One-page DOCX (Vietnamese text) to PDF/A-2b, %d conversions in flight, LibreOffice %s, %d cores.

                | Converter | Conversions | Conversions/s | ms each (wall / n) |
                |---|---:|---:|---:|
                | JODConverter pool (%d processes) | %d | %.2f | %.0f |
                | Full service: detect + convert + veraPDF | %d | %.2f | %.0f |
                | `soffice --headless --convert-to` per file | %d | %.2f | %.0f |

                Pool vs process per file: **%.1fx**
                """, WORKERS, officeVersion(), Runtime.getRuntime().availableProcessors(), WORKERS, POOLED, pooled,
                1000 / pooled, POOLED, full, 1000 / full, PER_PROCESS, perProcess, 1000 / perProcess, ratio);
        System.out.println(table);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("conversion.md"), table);
        assertThat(ratio).as("pool vs process per file").isGreaterThan(1);
    }

    interface Work {
        byte[] run(int i) throws Exception;
    }

    private static double perSecond(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            long start = System.nanoTime();
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int k = i;
                futures.add(pool.submit(() -> work.run(k)));
            }
            for (Future<byte[]> f : futures) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isNotEmpty();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] soffice(Path input, Path outDir, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Process p = new ProcessBuilder("/usr/lib/libreoffice/program/soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", PDFA_FILTER, "--outdir",
                outDir.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(outDir.resolve("log.txt").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish");
        }
        return Files.readAllBytes(outDir.resolve("mot-trang.pdf"));
    }

    private static String officeVersion() {
        try {
            Process p = new ProcessBuilder("/usr/lib/libreoffice/program/soffice", "--version").start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            String[] parts = v.split(" ");
            return parts.length > 1 ? parts[1] : v;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
