package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.api.cluster.RoundRobinClient.Part;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.CephRgw;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.testing.Eventually;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;

/**
 * The cluster proof of issue #13: three instances of the service on one PostgreSQL and one Ceph RGW
 * bucket, behind a round-robin client, for a bounded time. Signing (with an HSM key, and two-step
 * signing prepared on one instance and completed on another), ingest and retrieval run from several
 * client threads while every instance fires the preservation jobs and audit checkpoints every few
 * seconds. Afterwards: no request failed, each job ran once in the whole cluster, and every audited
 * request is in the one audit chain exactly once, and that chain verifies with its checkpoints.
 *
 * <p>Each audited request carries its own actor ({@code X-Kyso-Actor}, access control being off in the
 * suite), so the chain can be matched against what the client sent; a prepare and its complete share
 * one, as remote signing binds the two to one caller.
 */
@Tag("cluster")
class ThreeInstancesTest {

    static final int INSTANCES = 3;
    static final int CLIENTS = 3;
    static final Duration RUN = Duration.ofSeconds(30);
    static final String EVERY_5_SECONDS = "*/5 * * * * *";

    static ClusterInstances cluster;
    static RoundRobinClient client;
    static final DemoPki PKI = DemoPkiFixture.shared();
    final ObjectMapper json = new ObjectMapper();

    /** An audited request the client sent and the action the chain must show for it. */
    record Sent(String actor, String action) {
    }

    @BeforeAll
    static void startCluster() {
        CephRgw ceph = CephRgw.shared();
        String database = ArchiveFixture.postgres().jdbcUrl("cluster_" + ProcessHandle.current().pid());
        Map<String, String> shared = new HashMap<>();
        shared.put("kyso.archive.database.url", database);
        shared.put("kyso.archive.database.username", ArchiveFixture.postgres().user());
        shared.put("kyso.archive.store.type", "s3");
        shared.put("kyso.archive.store.endpoint", ceph.endpoint().toString());
        shared.put("kyso.archive.store.bucket", "cluster-" + ProcessHandle.current().pid());
        shared.put("kyso.archive.store.region", ceph.region());
        shared.put("kyso.archive.store.access-key", ceph.accessKey());
        shared.put("kyso.archive.store.secret-key", ceph.secretKey());
        // Every instance fires every job every few seconds; ShedLock must let one of them run each.
        for (String job : List.of("recovery", "fixity", "revalidation", "renewal", "evidence-records")) {
            shared.put("kyso.archive.jobs." + job + "-cron", EVERY_5_SECONDS);
        }
        shared.put("kyso.audit.checkpoint-interval", "4s");
        cluster = ClusterInstances.start(INSTANCES, shared,
                System.getProperty("kyso.test.workdir", "target/test-work") + "/cluster");
        client = new RoundRobinClient(cluster.uris());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void signIngestRetrieveJobsAndAuditAcrossThreeInstances() throws Exception {
        Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger actors = new AtomicInteger();
        Map<String, Integer> crossInstanceCompletes = new ConcurrentHashMap<>();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() - end < 0) {
                    try {
                        iteration(actors, sent, crossInstanceCompletes);
                    } catch (AssertionError | Exception e) {
                        errors.add(e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(RUN.toSeconds() + 180, TimeUnit.SECONDS);
        }
        clients.shutdown();

        JsonNode jobs = json.readTree(client.get(client.next(), "/api/v1/archive-jobs", "auditor").body());
        // Checkpoints go on every 4 s after the load: once the last head is time-stamped none follows (nothing
        // is appended any more), so the verification and the list below see the same checkpoints.
        long head = json.readTree(client.get(client.next(), "/api/v1/audit/verification", "auditor").body())
                .at("/head/sequence").asLong();
        Eventually.until(Duration.ofSeconds(60), () -> json.readTree(client.get(client.next(),
                "/api/v1/audit/checkpoints", "auditor").body()), all -> {
                    long last = 0;
                    for (JsonNode k : all) {
                        last = Math.max(last, k.get("sequence").asLong());
                    }
                    return last == head;
                });
        JsonNode verification = json.readTree(client.get(client.next(), "/api/v1/audit/verification", "auditor")
                .body());
        JsonNode checkpoints = json.readTree(client.get(client.next(), "/api/v1/audit/checkpoints", "auditor")
                .body());
        List<JsonNode> entries = entries();
        System.out.printf("Three instances: started in %s s; %d s of load from %d clients; requests per instance"
                        + " %s; %d audited requests, %d chain entries, %d checkpoints, %d jobs, %d remote"
                        + " signatures completed on another instance; errors %d%n", cluster.startSeconds(),
                RUN.toSeconds(), CLIENTS, client.perInstance(), sent.size(), entries.size(), checkpoints.size(),
                jobs.size(), crossInstanceCompletes.size(), errors.size());

        assertThat(errors).as("failed requests").isEmpty();
        assertThat(client.perInstance()).as("round robin reached every instance").allSatisfy(
                n -> assertThat(n).isPositive());
        assertThat(crossInstanceCompletes).as("two-step signatures completed on another instance").isNotEmpty();

        // Each job's ticks fired on every instance several times; one run per job in the cluster.
        Map<String, Integer> runs = new HashMap<>();
        jobs.forEach(j -> runs.merge(j.get("kind").asText(), 1, Integer::sum));
        for (JobKind kind : JobKind.values()) {
            assertThat(runs.get(kind.name())).as("runs of %s", kind).isEqualTo(1);
        }
        jobs.forEach(j -> assertThat(j.get("state").asText()).as(j.toString()).isEqualTo("DONE"));

        // One chain, verified end to end, holding each audited request once with its action.
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(entries.size());
        assertThat(verification.at("/head/sequence").asLong()).isEqualTo(entries.size());
        Map<String, List<String>> byActor = new HashMap<>();
        entries.forEach(e -> byActor.computeIfAbsent(e.at("/event/actor").asText(), a -> new ArrayList<>())
                .add(e.at("/event/action").asText() + " " + e.at("/event/outcome").asText()));
        for (Sent s : sent) {
            assertThat(byActor.get(s.actor())).as("audit entries of %s", s.actor())
                    .containsExactly(s.action() + " OK");
        }
        // At most one checkpoint per chain head, every one valid (the verification checked their tokens).
        Set<Long> heads = new HashSet<>();
        checkpoints.forEach(k -> assertThat(heads.add(k.get("sequence").asLong())).as(k.toString()).isTrue());
        assertThat(checkpoints.size()).as("checkpoints taken while the chain grew").isPositive();
        assertThat(verification.get("checkpoints").size()).isEqualTo(checkpoints.size());
    }

    /** One client's round: HSM signing, ingest, retrieval on the instances the round robin gives, then remote signing. */
    private void iteration(AtomicInteger actors, Queue<Sent> sent, Map<String, Integer> crossInstance)
            throws Exception {
        byte[] letter = Letters.unsigned("Công văn cụm máy chủ");
        String signer = "cum-" + actors.incrementAndGet();
        var signed = client.post(client.next(), "/api/v1/signatures", signer, List.of(
                Part.field("key", "ubnd-binh-an"), Part.field("level", "B-T"), Part.file("cong-van.pdf", letter)));
        sent.add(new Sent(signer, "SIGN"));
        assertThat(signed.statusCode()).as("sign: %s", RoundRobinClient.text(signed)).isEqualTo(200);

        String archivist = "cum-" + actors.incrementAndGet();
        var created = client.post(client.next(), "/api/v1/records", archivist,
                ingestParts(signed.body(), actors.get()));
        sent.add(new Sent(archivist, "INGEST"));
        assertThat(created.statusCode()).as("ingest: %s", RoundRobinClient.text(created)).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();

        String reader = "cum-" + actors.incrementAndGet();
        var content = client.get(client.next(), "/api/v1/records/" + id + "/content", reader);
        sent.add(new Sent(reader, "RETRIEVE"));
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).as("record %s read back", id).isEqualTo(signed.body());

        String remote = "cum-" + actors.incrementAndGet();
        int first = client.next();
        List<Part> prepareParts = new ArrayList<>(List.of(Part.field("level", "B-T"),
                Part.file("to-trinh.pdf", Letters.unsigned("Tờ trình ký từ xa"))));
        for (X509Certificate c : PKI.identity("remote-signer").chain()) {
            prepareParts.add(Part.field("certificate", pem(c)));
        }
        var prepared = client.post(first, "/api/v1/signatures/prepare", remote, prepareParts);
        assertThat(prepared.statusCode()).as("prepare: %s", RoundRobinClient.text(prepared)).isEqualTo(200);
        JsonNode p = json.readTree(prepared.body());
        KeyStore.PrivateKeyEntry key = PKI.softwareKey("remote-signer");
        Signature device = Signature.getInstance(p.get("signatureAlgorithm").asText());
        device.initSign(key.getPrivateKey());
        device.update(Base64.getDecoder().decode(p.get("dataToSign").asText()));
        String value = Base64.getEncoder().encodeToString(device.sign());
        int second = client.other(first);
        var completed = client.postJson(second, "/api/v1/signatures/" + p.get("id").asText() + "/complete", remote,
                "{\"signatureValue\":\"" + value + "\"}");
        sent.add(new Sent(remote, "SIGN"));
        assertThat(completed.statusCode()).as("complete: %s", RoundRobinClient.text(completed)).isEqualTo(200);
        assertThat(new String(completed.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        crossInstance.put(p.get("id").asText(), second);
    }

    private static List<Part> ingestParts(byte[] signed, int number) {
        return List.of(Part.field("fondCode", "G09"), Part.field("fileCode", "G09.CUM.2026"),
                Part.field("numberSymbol", number + "/UBND-VP"),
                Part.field("documentDate", "2026-11-20"), Part.field("documentType", "Công văn"),
                Part.field("issuer", "Ủy ban nhân dân tỉnh Bình An"),
                Part.field("subject", "Lưu trữ trên cụm ba máy chủ"), Part.field("preservation", "10"),
                Part.field("accessRegime", "public"), Part.file("cong-van.pdf", signed));
    }

    /** The whole chain, page by page. */
    private List<JsonNode> entries() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long from = 1;
        while (true) {
            JsonNode page = json.readTree(client.get(client.next(), "/api/v1/audit/entries?limit=1000&from=" + from,
                    "auditor").body());
            page.get("items").forEach(all::add);
            if (page.get("items").isEmpty()) {
                return all;
            }
            from = all.get(all.size() - 1).get("sequence").asLong() + 1;
        }
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}
