package vn.kyso.bench;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kyso.api.KysoApplication;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * What the peer benchmarks set against each other, started once per benchmark class: the service (demo
 * PKI, audit on, security off, the rate limiter in the path but never refusing), DSS's own REST services on
 * the same PKI and key, and a client for each.
 */
record Contenders(ConfigurableApplicationContext app, DssRestPeer peer, DemoPki pki, DssRestClient rest,
        ServiceHttpClient http, SigningService signing, ValidationService validation) implements AutoCloseable {

    static Contenders start(String archivePrefix, String key) throws Exception {
        String work = System.getProperty("kyso.test.workdir", "target/test-work");
        Path archive = Path.of(work, archivePrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KysoApplication.class)
                .properties(Map.of("logging.level.root", "WARN"))
                .run("--server.port=0", "--kyso.demo.enabled=true",
                        "--kyso.demo.directory=" + Path.of(work, "bench-pki"), "--kyso.demo.port=0",
                        "--kyso.archive.directory=" + archive,
                        // The limiter stays in the path (its cost is measured) but never refuses the benchmark.
                        "--kyso.api.rate-limit.requests-per-minute=100000",
                        "--kyso.api.rate-limit.burst=100000",
                        // As the api module's benchmarks run it (its test application.properties): the demo
                        // without authentication; the audit trail stays on.
                        "--kyso.security.enabled=false");
        DemoPki pki = app.getBean(DemoPki.class);
        DssRestPeer peer = new DssRestPeer(pki, Path.of(work));
        return new Contenders(app, peer, pki, new DssRestClient(peer.baseUrl(), pki.identity(key).certificate()),
                new ServiceHttpClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), key),
                app.getBean(SigningService.class), app.getBean(ValidationService.class));
    }

    /** Signs in process, for preparing the documents to validate. */
    byte[] sign(byte[] pdf, String key, SignatureLevel level, Appearance appearance) {
        return signing.sign(new SignRequest(new Document("letter.pdf", pdf), key,
                SignOptions.defaults(level).withAppearance(appearance, null))).content();
    }

    Verdict validateDirect(byte[] d) {
        // As the JSON API calls it: no ETSI XML unless asked for.
        return validation.validate(ValidationRequest.of(new SignedFile("letter.pdf", d)).withEtsiReport(false))
                .report().verdict();
    }

    boolean plainValid(byte[] d) {
        return DssVerdicts.validate(pki, d).stream().allMatch(v -> v.indication() == Indication.TOTAL_PASSED);
    }

    @Override
    public void close() throws org.apache.catalina.LifecycleException {
        try {
            peer.close();
        } finally {
            app.close();
        }
    }
}
