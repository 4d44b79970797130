package vn.kyso.api.session;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The pages' session attributes as JSON instead of Java serialisation, so instances running different
 * versions of the service (a rolling upgrade) read each other's sessions. Spring Security's Jackson
 * modules write its types with their class names and read back only the classes their validator allows;
 * on top of that, only the types the pages actually put in a session are accepted, written or read.
 */
final class JsonSessionAttributes {

    /**
     * What the pages keep in a session: the logged-in person (security context), the login's authorization
     * request to the provider, the CSRF token, the page asked for before the login, and a failed login's
     * reason (the OIDC login fails with nothing else). A new kind of attribute is refused when written
     * until it is added here (and tested), rather than written in a form that cannot be read back.
     */
    static final List<Class<?>> ALLOWED = List.of(SecurityContextImpl.class, OAuth2AuthorizationRequest.class,
            DefaultCsrfToken.class, DefaultSavedRequest.class, OAuth2AuthenticationException.class);

    /** How Java serialisation starts a stream (java.io.ObjectStreamConstants.STREAM_MAGIC). */
    private static final Logger log = LoggerFactory.getLogger(JsonSessionAttributes.class);
    private static final byte[] JAVA_SERIALISED = {(byte) 0xAC, (byte) 0xED};

    private final JsonMapper mapper;

    JsonSessionAttributes(ClassLoader loader) {
        // Beside Spring Security's own list: what an ID token's claims hold after its decoder. The issuer is a
        // URL (Spring Security's claim conversion), and Nimbus parses the rest of the JSON with Gson: whole
        // numbers as Long, nested objects (e.g. a provider's realm_access.roles) as Gson's LinkedTreeMap.
        BasicPolymorphicTypeValidator.Builder claims = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(URL.class).allowIfSubType(Long.class)
                // A pattern over the whole name: the String form would allow every class the name is a prefix of.
                .allowIfSubType(Pattern.compile(Pattern.quote("com.nimbusds.jose.shaded.gson.internal.LinkedTreeMap")));
        this.mapper = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(loader, claims)).build();
    }

    /** The converters Spring Session's JDBC repository uses for attribute values (its conversion service). */
    GenericConversionService conversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, this::write);
        conversions.addConverter(byte[].class, Object.class, this::read);
        return conversions;
    }

    byte[] write(Object value) {
        allowed(value.getClass());
        return mapper.writeValueAsBytes(value);
    }

    /**
     * @return the attribute, or null for one that cannot be read back: Java-serialised before the switch to
     *         JSON, written by another version, or of a type the pages do not keep (never instantiated then).
     *         Its person logs in again; throwing instead would answer every request with that cookie with 500.
     */
    Object read(byte[] json) {
        if (json.length >= 2 && json[0] == JAVA_SERIALISED[0] && json[1] == JAVA_SERIALISED[1]) {
            return null;
        }
        try {
            Object value = mapper.readValue(json, Object.class);
            if (value != null) {
                allowed(value.getClass());
            }
            return value;
        } catch (RuntimeException e) {
            log.warn("A page session attribute could not be read back and is dropped (its person logs in again): {}",
                    e.toString());
            return null;
        }
    }

    private static void allowed(Class<?> type) {
        if (ALLOWED.stream().noneMatch(a -> a.isAssignableFrom(type))) {
            throw new IllegalArgumentException("a session attribute of type " + type.getName()
                    + " is not one the pages keep (JsonSessionAttributes.ALLOWED)");
        }
    }
}
