package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.autoconfigure.SigningProperties;

/**
 * The Kubernetes manifests of deploy/k8s, rendered per overlay with {@code kubectl kustomize} as an
 * operator would, and checked against the service itself: the probes hit the health groups
 * application.yml defines, and every environment variable binds to a real setting of the configuration
 * metadata (so renaming a setting breaks this test, not a deployment). kubectl comes from scripts/deps.sh
 * (Debian's kubernetes-client); without it this test fails.
 */
class DeploymentManifestsTest {

    static final Path OVERLAYS = Path.of("../deploy/k8s/overlays");
    /** Variables the JVM or Spring itself reads, not kyso settings. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE",
            "SPRING_CONFIG_ADDITIONAL_LOCATION", "JAVA_TOOL_OPTIONS");

    static final ObjectMapper JSON = new ObjectMapper();
    static Set<String> settings;
    static Map<String, Object> applicationYml;

    /** One rendered overlay: its objects by kind and name (generated names without their hash suffix). */
    record Rendered(String overlay, Map<String, JsonNode> objects) {
        JsonNode get(String kind, String name) {
            JsonNode o = objects.get(kind + "/" + name);
            assertThat(o).as(overlay + ": " + kind + "/" + name).isNotNull();
            return o;
        }

        boolean has(String kind) {
            return objects.keySet().stream().anyMatch(k -> k.startsWith(kind + "/"));
        }

        JsonNode container() {
            return get("Deployment", "kyso").at("/spec/template/spec/containers/0");
        }

        /** Every variable the container gets: its env list and the data of the ConfigMaps it loads whole. */
        Map<String, JsonNode> environment() {
            Map<String, JsonNode> env = new LinkedHashMap<>();
            for (JsonNode from : container().path("envFrom")) {
                String name = from.at("/configMapRef/name").asText();
                JsonNode map = objects.values().stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
                        && o.at("/metadata/name").asText().equals(name)).findFirst().orElse(null);
                assertThat(map).as(overlay + ": the ConfigMap " + name + " the container loads").isNotNull();
                map.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue()));
            }
            container().path("env").forEach(e -> env.put(e.path("name").asText(), e));
            return env;
        }
    }

    @BeforeAll
    static void readTheServicesSettings() throws Exception {
        settings = new HashSet<>();
        Enumeration<URL> files = DeploymentManifestsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                JSON.readTree(in).path("properties").forEach(p -> settings.add(p.path("name").asText()));
            }
        }
        // Read with @Value rather than a settings record, so not in the metadata.
        settings.add(PublicAddress.PROPERTY);
        assertThat(settings).contains("kyso.archive.store.access-key", "kyso.signing.tsa-url");
        try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
            // The first document: the one without a profile.
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(in).iterator().next();
            applicationYml = first;
        }
    }

    @Test
    void everyOverlayRendersWithProbesOnTheServicesHealthGroups() throws Exception {
        List<String> overlays = new ArrayList<>();
        try (var dirs = Files.list(OVERLAYS)) {
            dirs.filter(Files::isDirectory).forEach(d -> overlays.add(d.getFileName().toString()));
        }
        assertThat(overlays).contains("single-agency", "cluster");
        Map<String, Object> groups = map(applicationYml, "management", "endpoint", "health", "group");
        assertThat(groups).containsKeys("liveness", "readiness");
        assertThat(map(groups, "liveness").get("include")).isEqualTo("livenessState");
        int port = (Integer) map(applicationYml, "server").get("port");

        for (String overlay : overlays) {
            Rendered r = render(overlay);
            JsonNode c = r.container();
            assertThat(c.at("/ports/0/containerPort").asInt()).as(overlay).isEqualTo(port);
            assertThat(c.at("/startupProbe/httpGet/path").asText()).as(overlay).isEqualTo("/actuator/health/liveness");
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(overlay).isEqualTo("/actuator/health/liveness");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(overlay)
                    .isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(overlay + " " + probe)
                        .isEqualTo(c.at("/ports/0/name").asText());
            }
            assertThat(c.at("/resources/requests/cpu").isMissingNode()).as(overlay).isFalse();
            assertThat(c.at("/resources/limits/memory").isMissingNode()).as(overlay).isFalse();
            assertThat(r.get("Deployment", "kyso").at("/spec/template/spec/securityContext/runAsNonRoot")
                    .asBoolean()).as(overlay).isTrue();
            // Secrets are referenced, never rendered: their values are the operator's, not the repository's.
            assertThat(r.has("Secret")).as(overlay).isFalse();
        }
    }

    @Test
    void everyVariableIsARealSettingAndSecretsComeFromSecrets() throws Exception {
        for (String overlay : List.of("single-agency", "cluster")) {
            Rendered r = render(overlay);
            Map<String, JsonNode> env = r.environment();
            Set<String> pinVariables = pinVariables(r);
            assertThat(pinVariables).as(overlay).isNotEmpty();
            for (String name : env.keySet()) {
                if (PLATFORM_VARIABLES.contains(name) || pinVariables.contains(name)) {
                    continue;
                }
                assertThat(settingOf(name)).as(overlay + ": " + name + " binds to a setting of the service")
                        .isNotNull();
            }
            for (String pin : pinVariables) {
                assertThat(env.get(pin)).as(overlay + ": " + pin).isNotNull();
                assertThat(env.get(pin).at("/valueFrom/secretKeyRef/name").asText()).as(pin).isNotEmpty();
            }
            for (Map.Entry<String, JsonNode> e : env.entrySet()) {
                String setting = settingOf(e.getKey());
                if (setting != null && setting.matches(".*(password|secret-key|access-key)$")) {
                    assertThat(e.getValue().at("/valueFrom/secretKeyRef/name").asText())
                            .as(overlay + ": " + e.getKey() + " from a Secret").isNotEmpty();
                }
            }
            assertThat(env).as(overlay).containsKeys("KYSO_API_PUBLIC_URL", "SPRING_PROFILES_ACTIVE");
        }
    }

    @Test
    void singleAgencyIsOneInstanceOnItsVolumeAndTheClusterThreeOnExternalStores() throws Exception {
        Rendered one = render("single-agency");
        JsonNode deployment = one.get("Deployment", "kyso");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        String claim = null;
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (v.path("name").asText().equals("data")) {
                claim = v.at("/persistentVolumeClaim/claimName").asText();
                assertThat(v.has("emptyDir")).isFalse();
            }
        }
        one.get("PersistentVolumeClaim", claim);
        assertThat(one.environment()).doesNotContainKeys("KYSO_ARCHIVE_DATABASE_URL", "KYSO_ARCHIVE_STORE_TYPE");
        assertThat(one.has("PodDisruptionBudget")).isFalse();

        Rendered cluster = render("cluster");
        JsonNode instances = cluster.get("Deployment", "kyso");
        assertThat(instances.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode pdb = cluster.get("PodDisruptionBudget", "kyso");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isBetween(1, 2);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(instances.at("/spec/template/metadata/labels"));
        Map<String, JsonNode> env = cluster.environment();
        assertThat(env.get("KYSO_ARCHIVE_STORE_TYPE").asText()).isEqualTo("s3");
        assertThat(env.get("KYSO_ARCHIVE_STORE_OBJECT_LOCK").asText()).isEqualTo("true");
        assertThat(env.get("KYSO_ARCHIVE_DATABASE_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(env).containsKeys("KYSO_ARCHIVE_STORE_ACCESS_KEY", "KYSO_ARCHIVE_STORE_SECRET_KEY",
                "KYSO_ARCHIVE_DATABASE_PASSWORD");
        assertThat(cluster.get("Service", "kyso").at("/spec/selector"))
                .isEqualTo(instances.at("/spec/template/metadata/labels"));
    }

    /** The setting an environment variable binds to through Spring's relaxed binding, or null. */
    static String settingOf(String variable) {
        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")))
                .iterator().next();
        return settings.stream().filter(s -> source.getConfigurationProperty(ConfigurationPropertyName.of(s)) != null)
                .findFirst().orElse(null);
    }

    /** The PIN variables named by the mounted application.yml, bound as the service binds it. */
    static Set<String> pinVariables(Rendered r) throws Exception {
        Set<String> pins = new HashSet<>();
        for (JsonNode o : r.objects().values()) {
            if (!o.path("kind").asText().equals("ConfigMap") || !o.at("/data/application.yml").isTextual()) {
                continue;
            }
            var sources = new YamlPropertySourceLoader().load("kyso-config", new ByteArrayResource(
                    o.at("/data/application.yml").asText().getBytes(StandardCharsets.UTF_8)));
            SigningProperties signing = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("kyso.signing", SigningProperties.class).get();
            assertThat(signing.hsms()).isNotEmpty();
            for (HsmSettings hsm : signing.hsms()) {
                assertThat(hsm.pin().env()).as("HSM " + hsm.name() + " reads its PIN from a variable").isNotNull();
                assertThat(hsm.pin().env()).matches("[A-Z][A-Z0-9_]*");
                pins.add(hsm.pin().env());
            }
        }
        return pins;
    }

    static Rendered render(String overlay) throws Exception {
        Path kubectl = onPath("kubectl");
        assertThat(kubectl).as("kubectl on the PATH (scripts/deps.sh installs kubernetes-client)").isNotNull();
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", OVERLAYS.resolve(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize " + overlay).isZero();
        Map<String, JsonNode> objects = new HashMap<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(new String(out,
                StandardCharsets.UTF_8))) {
            JsonNode o = JSON.valueToTree(doc);
            String name = o.at("/metadata/name").asText();
            if (o.path("kind").asText().equals("ConfigMap")) {
                name = name.replaceFirst("-[a-z0-9]{10}$", ""); // the generator's content hash
            }
            objects.put(o.path("kind").asText() + "/" + name, o);
        }
        assertThat(objects).as(overlay).containsKey("Deployment/kyso");
        return new Rendered(overlay, objects);
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String... path) {
        Map<String, Object> m = root;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
            assertThat(m).as(String.join(".", path)).isNotNull();
        }
        return m;
    }
}
