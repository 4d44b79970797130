package vn.kyso.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.http.HttpMethod;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.access.Role;
import vn.kyso.api.error.ErrorCatalog;
import vn.kyso.api.error.Problem;
import vn.kyso.api.security.AccessMatrix;

/**
 * Completes the generated OpenAPI description (issue #14): security schemes and each operation's
 * requirement from the access matrix, every operation's problem answers from the error enums, examples for
 * the main operations, and readable unique operation ids.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String OIDC = "oidc";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Where {@link ProblemCodes} waits between the operation and the document customizer; never published. */
    static final String DECLARED_CODES = "x-kyso-declared-problem-codes";
    /** Marks, the same way, an operation whose handler takes a file (the upload guard's causes apply). */
    static final String TAKES_FILES = "x-kyso-takes-files";

    @Bean
    OpenApiCustomizer kysoOpenApiCustomizer(
            @Value("${kyso.security.jwt.issuer-uri:}") String issuer) {
        return openApi -> complete(openApi, issuer);
    }

    /**
     * Carries each method's {@link ProblemCodes} into its operation (springdoc hands the handler method only to
     * operation customizers); {@link #complete} turns them into the problem answers and drops the carrier.
     */
    @Bean
    OperationCustomizer kysoProblemCodesCustomizer() {
        return (operation, handler) -> {
            List<String> declared = declaredCodes(handler.getMethod());
            if (declared != null) {
                operation.addExtension(DECLARED_CODES, declared);
            }
            if (takesFiles(handler.getMethod())) {
                operation.addExtension(TAKES_FILES, true);
            }
            return operation;
        };
    }

    /**
     * The codes a handler method declares: its own {@link ProblemCodes} and those of the annotations that group
     * codes shared by several operations (meta-annotated with it), in one sorted list; null when it declares none.
     */
    public static List<String> declaredCodes(Method method) {
        List<MergedAnnotation<ProblemCodes>> found = MergedAnnotations.from(method)
                .stream(ProblemCodes.class).toList();
        if (found.isEmpty()) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        found.forEach(a -> codes.addAll(List.of(a.getStringArray("value"))));
        return List.copyOf(codes);
    }

    /** A file part, or a list of them: the form a browser or a client sends files in. */
    static boolean takesFiles(Method method) {
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            if (MultipartFile.class.isAssignableFrom(p.getType())
                    || p.getParameterizedType() instanceof ParameterizedType t
                    && List.of(t.getActualTypeArguments()).contains(MultipartFile.class)) {
                return true;
            }
        }
        return false;
    }

    static void complete(OpenAPI openApi, String issuer) {
        securitySchemes(openApi, issuer);
        problemSchema(openApi);
        OperationIds.makeReadableAndUnique(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> {
            Set<Role> roles = AccessMatrix.rolesFor(method, path).orElse(null);
            boolean isPublic = roles != null && roles.isEmpty();
            security(op, roles, issuer);
            problems(op, method, path, isPublic);
        }));
        Examples.attach(openApi);
    }

    private static void securitySchemes(OpenAPI openApi, String issuer) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Kyso-Api-Key")
                .description("An API key an administrator issued (POST /api/v1/admin/api-keys)"));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An OIDC access token from the agency's identity provider "
                        + "(kyso.security.jwt.issuer-uri); roles from its claims"));
        if (issuer != null && !issuer.isBlank()) {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            components.addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                    .openIdConnectUrl(base + "/.well-known/openid-configuration")
                    .description("Log in at the identity provider from Swagger UI"));
        }
    }

    /**
     * The problem answers refer to the Problem schema; no controller names it any more (the codes are
     * declared, not written into response annotations), so it is added from the record.
     */
    private static void problemSchema(OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31).readAll(Problem.class)
                    .forEach(components::addSchemas);
        }
    }

    /** Public operations say so with an empty requirement; the others accept either scheme. */
    private static void security(Operation op, Set<Role> roles, String issuer) {
        if (roles != null && roles.isEmpty()) {
            op.setSecurity(List.of());
            op.addExtension("x-public", true);
            return;
        }
        op.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        op.addSecurityItem(new SecurityRequirement().addList(BEARER));
        if (issuer != null && !issuer.isBlank()) {
            op.addSecurityItem(new SecurityRequirement().addList(OIDC));
        }
        if (roles != null) {
            op.addExtension("x-roles", new TreeSet<>(roles.stream().map(Role::name).toList()));
        }
    }

    private static void problems(Operation op, HttpMethod method, String path, boolean isPublic) {
        boolean takesFiles = op.getExtensions() != null && op.getExtensions().remove(TAKES_FILES) != null;
        boolean uploads = takesFiles || op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().containsKey("multipart/form-data");
        ApiResponses responses = op.getResponses() != null ? op.getResponses() : new ApiResponses();
        op.setResponses(responses);
        List<String> declared = null;
        if (op.getExtensions() != null && op.getExtensions().get(DECLARED_CODES) instanceof List<?> list) {
            declared = list.stream().map(String::valueOf).toList();
            op.getExtensions().remove(DECLARED_CODES);
        }
        ProblemCatalogue.codes(method.name(), path, declared, isPublic, uploads).forEach((status, codes) -> {
            String key = Integer.toString(status);
            ApiResponse response = responses.get(key);
            if (response == null) {
                response = new ApiResponse().description(describe(status, codes));
                responses.addApiResponse(key, response);
            }
            Content content = response.getContent() != null ? response.getContent() : new Content();
            response.setContent(content);
            MediaType problem = content.get(PROBLEM_MEDIA_TYPE);
            if (problem == null) {
                problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
                content.addMediaType(PROBLEM_MEDIA_TYPE, problem);
            }
            if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
                problem.setExample(Examples.problem(status, codes.first(), path));
            }
            response.addExtension("x-problem-codes", List.copyOf(codes));
            if (status == 429 || status == 503) {
                response.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                        .description("Seconds to wait before trying again")
                        .schema(new Schema<Integer>().type("integer")));
            }
        });
    }

    /** The codes with their English titles from the catalogue, and what a client does about the status. */
    private static String describe(int status, Set<String> codes) {
        StringBuilder text = new StringBuilder("Problem codes: ");
        text.append(String.join(", ", codes.stream().map(c -> {
            ErrorCatalog.Entry e = ErrorCatalog.entry(c);
            return e == null || e.titleEn() == null ? c : c + " (" + e.titleEn() + ")";
        }).toList()));
        if (status == 500) {
            text.append("; quote the errorId");
        } else if (status == 429 || status == 503) {
            text.append("; retry after the Retry-After seconds");
        }
        return text.toString();
    }

    static Map<HttpMethod, Operation> operations(PathItem item) {
        Map<HttpMethod, Operation> ops = new LinkedHashMap<>();
        item.readOperationsMap().forEach((m, op) -> ops.put(HttpMethod.valueOf(m.name()), op));
        return ops;
    }
}
