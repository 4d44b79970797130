package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.kyso.core.testing.architecture.KysoModules;
import vn.kyso.core.testing.architecture.ModuleRules;

/**
 * Every {@code @ConfigurationProperties} record of the service has configuration metadata, written at
 * compile time by spring-boot-configuration-processor (parent pom), so IDEs complete and explain the
 * {@code kyso.*} settings with their defaults (ADR 0010).
 */
class ConfigurationMetadataTest {

    @Test
    void everySettingsRecordIsDescribedWithItsDefaults() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> described = new HashSet<>();
        Map<String, JsonNode> properties = new HashMap<>();
        Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            JsonNode metadata;
            try (InputStream in = files.nextElement().openStream()) {
                metadata = json.readTree(in);
            }
            metadata.path("groups").forEach(g -> described.add(g.path("sourceType").asText()));
            metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
        }
        List<String> settings = ModuleRules.mainClasses(KysoModules.BASE).stream()
                .filter(c -> c.isAnnotatedWith(ConfigurationProperties.class)).map(c -> c.getName()).toList();

        assertThat(settings).hasSizeGreaterThanOrEqualTo(10);
        assertThat(described).containsAll(settings);
        assertThat(properties.get("kyso.signing.max-fetches").path("defaultValue").asInt()).isEqualTo(20);
        assertThat(properties.get("kyso.signing.max-fetches").path("description").asText())
                .isEqualTo("fetches one augmentation may make");
        assertThat(properties.get("kyso.archive.store.type").path("defaultValue").asText()).isEqualTo("filesystem");
    }
}
