package vn.kyso.api.cluster;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import vn.kyso.api.KysoApplication;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.autoconfigure.AuditAutoConfiguration;
import vn.kyso.audit.autoconfigure.AuditProperties;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.demo.DemoSigningSettings;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.demo.DemoValidationSettings;

/**
 * Instances of the whole service in one JVM: each its own Spring application context and HTTP port,
 * sharing what a cluster's instances share — one PostgreSQL ({@code kyso.archive.database.url}), one S3
 * bucket, one HSM (the demo PKI's SoftHSM2 tokens) and one TSA/OCSP/CRL service (the demo PKI's
 * responders, started once by {@link DemoPkiFixture}, not by each instance as {@code kyso.demo.enabled}
 * would). Started one after the other, as a rolling start does.
 */
final class ClusterInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<URI> uris = new ArrayList<>();
    private final List<Double> startSeconds = new ArrayList<>();

    /** @param shared the settings every instance gets (database, store, schedules) */
    static ClusterInstances start(int count, Map<String, String> shared, String workDir) {
        ClusterInstances cluster = new ClusterInstances();
        try {
            for (int i = 0; i < count; i++) {
                Map<String, String> properties = new LinkedHashMap<>(shared);
                properties.put("server.port", "0");
                properties.put("kyso.archive.directory", workDir + "/instance-" + i);
                // As command-line arguments, which rank above application.yml (server.port: 8080).
                String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                long t0 = System.nanoTime();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(KysoApplication.class,
                        SharedPki.class).run(args);
                cluster.startSeconds.add((System.nanoTime() - t0) / 1e9);
                cluster.contexts.add(context);
                String port = context.getEnvironment().getRequiredProperty("local.server.port");
                cluster.uris.add(URI.create("http://127.0.0.1:" + port));
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    List<URI> uris() {
        return List.copyOf(uris);
    }

    List<Double> startSeconds() {
        return List.copyOf(startSeconds);
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }

    /**
     * The HSM keys, trust anchors and TSA of the one PKI all instances use, supplied as beans as the demo's
     * own configuration supplies them, so the signing, validation and audit auto-configurations back off.
     * Not a {@code @Configuration}: the service's component scan would then pick it up in every other test
     * context of the module too (two ValidationSettings beans); it is given to each instance as a source.
     */
    static class SharedPki {

        static DemoPki pki() {
            return DemoPkiFixture.shared();
        }

        @Bean
        SigningSettings clusterSigningSettings() {
            return DemoSigningSettings.from(pki(), SigningFixture.FONT);
        }

        @Bean
        ValidationSettings clusterValidationSettings() {
            return DemoValidationSettings.from(pki());
        }

        @Bean
        AuditSettings clusterAuditSettings(AuditProperties properties) {
            List<X509Certificate> roots = new ArrayList<>(pki().trustAnchors(KeyFamily.SPECIALISED));
            roots.addAll(pki().trustAnchors(KeyFamily.PUBLIC));
            return AuditAutoConfiguration.settings(properties, pki().tsaUrl(), roots);
        }
    }
}
