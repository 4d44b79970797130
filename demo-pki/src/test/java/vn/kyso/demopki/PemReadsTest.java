package vn.kyso.demopki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the demo PKI reads every identity's chain from a PEM file; the JDK's certificate parser reads its
 * input a byte at a time, so an unbuffered file stream made one read call per byte (JFR counted about
 * 5,800 {@code jdk.FileRead} events per file at start-up). Counted here with JFR, which sees every call.
 */
class PemReadsTest {

    @Test
    void aPemFileIsReadInAFewCallsNotAByteAtATime(@TempDir Path directory) throws Exception {
        PkiStore store = new PkiStore(directory);
        CertificateIssuer issuer = new CertificateIssuer(URI.create("http://127.0.0.1:1/"), Instant.now());
        KeyPair keys = CertificateIssuer.generateKeyPair(IdentitySpec.RSA_2048);
        List<X509Certificate> chain = List.of(issuer.root(CaId.PUBLIC_ROOT, keys),
                issuer.root(CaId.SPECIALISED_ROOT, keys));
        Path file = directory.resolve("chain.pem");
        store.writePem(file, chain);

        Path dump = directory.resolve("reads.jfr");
        List<X509Certificate> read;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            read = store.readPem(file);
            recording.stop();
            recording.dump(dump);
        }

        assertThat(read).isEqualTo(chain);
        List<RecordedEvent> reads = RecordingFile.readAllEvents(dump).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.FileRead"))
                .filter(e -> file.toString().equals(e.getString("path")))
                .toList();
        assertThat(reads).as("read calls on %s", file).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    }
}
