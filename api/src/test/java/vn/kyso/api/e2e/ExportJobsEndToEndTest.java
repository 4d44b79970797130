package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Exports answered with 202 Accepted (issue #14): with {@code Prefer: respond-async} a record's BagIt bag
 * and a file's E-ARK package are built in the background; the status URL, asked again in later requests,
 * follows the export to DONE and its result URL gives the package. Without the preference the answer is
 * the package itself, as before. An export whose stored object no longer matches its digest ends FAILED
 * with INTEGRITY_FAILURE in its problem, and its package is 409 EXPORT_NOT_READY.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class ExportJobsEndToEndTest extends RunningService {

    @Value("${kyso.archive.directory}")
    Path archiveDirectory;

    @Test
    void aRecordsBagIsBuiltInTheBackgroundAndDownloadedFromItsResultUrl() throws Exception {
        String id = archiveOneRecord("UBND-XK");

        HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(uri("/api/v1/records/" + id + "/package"))
                .header("Prefer", "respond-async").GET());

        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        assertThat(accepted.headers().firstValue("Retry-After")).isPresent();
        JsonNode started = json.readTree(accepted.body());
        long job = started.get("id").asLong();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/archive-jobs/exports/" + job);
        assertThat(started.get("format").asText()).isEqualTo("BAGIT");
        assertThat(started.get("subject").asText()).isEqualTo("record " + id);
        assertThat(started.at("/progress/total").asInt()).isEqualTo(1);
        assertThat(started.at("/links/self").asText()).isEqualTo(location);

        JsonNode ended = followToTheEnd(location);
        assertThat(ended.get("state").asText()).isEqualTo("DONE");
        assertThat(ended.at("/progress/done").asInt()).isEqualTo(1);
        assertThat(ended.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(ended.get("problem")).isNull();
        assertThat(ended.get("resultName").asText()).isEqualTo("record-" + id + ".zip");
        String result = ended.at("/links/result").asText();
        assertThat(result).isEqualTo(location + "/package");

        HttpResponse<byte[]> pkg = get(result);
        assertThat(pkg.statusCode()).as(text(pkg)).isEqualTo(200);
        assertThat(pkg.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat((long) pkg.body().length).isEqualTo(ended.get("resultBytes").asLong());
        assertThat(names(pkg.body())).contains("record-" + id + "/bagit.txt", "record-" + id + "/data/metadata.json");

        // Without the preference: the package itself, as before.
        HttpResponse<byte[]> sync = get("/api/v1/records/" + id + "/package");
        assertThat(sync.statusCode()).isEqualTo(200);
        assertThat(names(sync.body())).isEqualTo(names(pkg.body()));
    }

    @Test
    void aFilesEarkPackageIsBuiltInTheBackground() throws Exception {
        archiveOneRecord("UBND-XK");
        String file = "/api/v1/files/G09/" + ArchiveEndToEndTest.FILE_CODE;

        HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(uri(file + "/eark-package"))
                .header("Prefer", "respond-async").GET());

        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        JsonNode started = json.readTree(accepted.body());
        assertThat(started.get("format").asText()).isEqualTo("EARK");
        int total = started.at("/progress/total").asInt();
        assertThat(total).isPositive();
        JsonNode ended = followToTheEnd(accepted.headers().firstValue("Location").orElseThrow());
        assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("DONE");
        assertThat(ended.at("/progress/done").asInt()).isEqualTo(total);
        HttpResponse<byte[]> pkg = get(ended.at("/links/result").asText());
        assertThat(pkg.statusCode()).isEqualTo(200);
        assertThat(names(pkg.body())).anyMatch(n -> n.endsWith("METS.xml"));
    }

    @Test
    void anExportThatFailsSaysWhyWithTheCausesCode() throws Exception {
        String id = archiveOneRecord("UBND-XK");
        Path original = storedOriginal(id);
        byte[] intact = Files.readAllBytes(original);
        byte[] damaged = intact.clone();
        damaged[damaged.length / 2] ^= 0x01;
        original.toFile().setWritable(true);
        Files.write(original, damaged);
        JsonNode ended;
        try {
            HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(uri("/api/v1/records/" + id + "/package"))
                    .header("Prefer", "respond-async").GET());
            assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
            ended = followToTheEnd(accepted.headers().firstValue("Location").orElseThrow());
        } finally {
            // Put the object back: the other tests of the shared archive check fixity.
            Files.write(original, intact);
        }

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.at("/links/result").isMissingNode()).isTrue();
        assertThat(ended.at("/problem/code").asText()).isEqualTo("INTEGRITY_FAILURE");
        assertThat(ended.at("/problem/status").asInt()).isEqualTo(500);
        assertThat(ended.at("/problem/detail").asText()).contains("does not match its recorded digest");
        assertThat(ended.at("/problem/detailVi").asText()).contains("Không lập được gói xuất");
        HttpResponse<byte[]> none = get(ended.at("/links/self").asText() + "/package");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json.readTree(none.body()).get("code").asText()).isEqualTo("EXPORT_NOT_READY");
    }

    @Test
    void nothingToExportIsRefusedAtOnceAndAnUnknownExportIsNotFound() throws Exception {
        HttpResponse<byte[]> unknown = send(HttpRequest.newBuilder(
                uri("/api/v1/records/00000000-0000-0000-0000-000000000000/package"))
                .header("Prefer", "respond-async").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("code").asText()).isEqualTo("RECORD_NOT_FOUND");
        HttpResponse<byte[]> missing = get("/api/v1/archive-jobs/exports/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("code").asText()).isEqualTo("JOB_NOT_FOUND");
    }

    private Path storedOriginal(String id) throws Exception {
        try (Stream<Path> files = Files.list(archiveDirectory.resolve("objects/records/" + id))) {
            return files.filter(p -> p.getFileName().toString().startsWith("original-")
                    && p.getFileName().toString().endsWith("~o")).findFirst().orElseThrow();
        }
    }

    private static List<String> names(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
