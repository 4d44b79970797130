package vn.kyso.conversion.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.document.DocumentFormat;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.ExistingProcessAction;
import org.jodconverter.local.office.LocalOfficeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

/**
 * A pool of headless LibreOffice processes supervised by JODConverter, which kills a process whose task runs
 * past the timeout and restarts processes that die or have served their quota. Started on the first
 * conversion, not at construction: a Spring context (and there are many in the tests) must not pay for
 * LibreOffice it does not use.
 */
final class OfficePool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfficePool.class);
    /** com.sun.star.document.MacroExecMode.NEVER_EXECUTE: an uploaded document's macros never run. */
    private static final short NEVER_EXECUTE = 0;
    /** com.sun.star.document.UpdateDocMode.NO_UPDATE: links to outside content are not refreshed on load. */
    private static final short NO_UPDATE = 0;
    /** Restart a process after this many documents, to bound the memory LibreOffice leaks. */
    private static final int TASKS_PER_PROCESS = 200;

    private final Optional<Path> officeHome;
    private final int size;
    private final Duration taskTimeout;
    private LocalOfficeManager manager; // guarded by this
    private boolean closed; // guarded by this

    OfficePool(Optional<Path> officeHome, int size, Duration taskTimeout) {
        this.officeHome = officeHome;
        this.size = size;
        this.taskTimeout = taskTimeout;
    }

    boolean installed() {
        return officeHome.isPresent();
    }

    /** Converts {@code content} to PDF/A of the given part with LibreOffice's own PDF/A export. */
    byte[] toPdfA(byte[] content, SourceFormat format, PdfAProfile profile) {
        // LibreOffice fetches and embeds what an HTML page references (http:, file:); it gets none
        byte[] input = format == SourceFormat.HTML ? HtmlSanitiser.sanitise(content) : content;
        return convert(input, documentFormat(format), DefaultDocumentFormatRegistry.PDF,
                Map.of("FilterData", Map.of("SelectPdfVersion", profile.part())));
    }

    /** Any conversion LibreOffice knows; the tests make their DOC, DOCX, RTF and XLSX samples with it. */
    byte[] convert(byte[] content, DocumentFormat from, DocumentFormat to, Map<String, Object> storeProperties) {
        LocalConverter converter = LocalConverter.builder()
                .officeManager(started())
                .loadProperty("MacroExecutionMode", NEVER_EXECUTE)
                .loadProperty("UpdateDocMode", NO_UPDATE)
                .storeProperties(storeProperties)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64 * 1024, content.length));
        try {
            converter.convert(new ByteArrayInputStream(content)).as(from).to(out).as(to).execute();
        } catch (OfficeException e) {
            throw classify(e);
        }
        if (out.size() == 0) {
            throw Failures.failed("LibreOffice produced nothing for this document", null);
        }
        return out.toByteArray();
    }

    /** Whether the pool has been started and is up. */
    synchronized boolean running() {
        return manager != null && manager.isRunning();
    }

    private synchronized LocalOfficeManager started() {
        if (closed) {
            throw Failures.unavailable("The converter is shutting down", null);
        }
        if (manager != null) {
            return manager;
        }
        if (officeHome.isEmpty()) {
            throw Failures.unavailable("LibreOffice is not installed on this server", null);
        }
        LocalOfficeManager candidate = LocalOfficeManager.builder()
                .officeHome(officeHome.get().toFile())
                .portNumbers(freePorts(size))
                .taskExecutionTimeout(taskTimeout.toMillis())
                .taskQueueTimeout(taskTimeout.toMillis() * 2)
                .processTimeout(60_000L)
                .maxTasksPerProcess(TASKS_PER_PROCESS)
                // Another application's LibreOffice on "our" port is not ours to kill or share.
                .existingProcessAction(ExistingProcessAction.FAIL)
                .build();
        try {
            long start = System.nanoTime();
            candidate.start();
            log.info("Started {} LibreOffice process(es) from {} in {} ms", size, officeHome.get(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (OfficeException e) {
            stopQuietly(candidate);
            throw Failures.unavailable("LibreOffice could not be started", e);
        }
        manager = candidate;
        return manager;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (manager != null) {
            stopQuietly(manager);
            manager = null;
        }
    }

    private static void stopQuietly(LocalOfficeManager office) {
        try {
            office.stop();
        } catch (OfficeException | RuntimeException e) {
            log.warn("LibreOffice did not stop cleanly", e);
        }
    }

    private static RuntimeException classify(OfficeException e) {
        String messages = messages(e);
        if (messages.contains("could not load") || messages.contains("password") || messages.contains("cannot load")) {
            return Failures.failed("LibreOffice cannot read this document", e);
        }
        if (messages.contains("timeout") || messages.contains("timed out")) {
            return Failures.timeout("The conversion took longer than allowed", e);
        }
        return Failures.failed("LibreOffice could not convert this document", e);
    }

    /** All messages of the cause chain, lower case: JODConverter reports kinds of failure only in words. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(':').append(t.getMessage()).append('\n');
            if (t.getCause() == t) {
                break;
            }
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static DocumentFormat documentFormat(SourceFormat format) {
        return switch (format) {
            case DOCX -> DefaultDocumentFormatRegistry.DOCX;
            case DOC -> DefaultDocumentFormatRegistry.DOC;
            case ODT -> DefaultDocumentFormatRegistry.ODT;
            case RTF -> DefaultDocumentFormatRegistry.RTF;
            case HTML -> DefaultDocumentFormatRegistry.HTML;
            case XLSX -> DefaultDocumentFormatRegistry.XLSX;
            case XLS -> DefaultDocumentFormatRegistry.XLS;
            case ODS -> DefaultDocumentFormatRegistry.ODS;
            case PDF -> DefaultDocumentFormatRegistry.PDF;
            default -> throw new IllegalArgumentException("LibreOffice does not convert " + format);
        };
    }

    /** Ports the OS has just handed out; a fixed range would clash with another pool on the same host. */
    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } catch (IOException e) {
            throw Failures.unavailable("No free local port for LibreOffice", e);
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // the port was only borrowed to learn its number
                    }
                }
            }
        }
        return ports;
    }
}
