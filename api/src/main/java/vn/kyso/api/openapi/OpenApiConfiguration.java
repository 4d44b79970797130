package vn.kyso.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
import org.springframework.http.HttpMethod;
import vn.kyso.access.Role;
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
            ProblemCodes declared = handler.getMethodAnnotation(ProblemCodes.class);
            if (declared != null) {
                operation.addExtension(DECLARED_CODES, List.of(declared.value()));
            }
            return operation;
        };
    }

    static void complete(OpenAPI openApi, String issuer) {
        securitySchemes(openApi, issuer);
        OperationIds.makeReadableAndUnique(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> {
            Set<Role> roles = AccessMatrix.rolesFor(method, path).orElse(null);
            boolean isPublic = roles != null && roles.isEmpty();
            security(op, roles, issuer);
            problems(op, path, isPublic);
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

    private static void problems(Operation op, String path, boolean isPublic) {
        boolean uploads = op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().containsKey("multipart/form-data");
        ApiResponses responses = op.getResponses() != null ? op.getResponses() : new ApiResponses();
        op.setResponses(responses);
        List<String> declared = null;
        if (op.getExtensions() != null && op.getExtensions().get(DECLARED_CODES) instanceof List<?> list) {
            declared = list.stream().map(String::valueOf).toList();
            op.getExtensions().remove(DECLARED_CODES);
        }
        ProblemCatalogue.codes(path, declared, isPublic, uploads).forEach((status, codes) -> {
            String key = Integer.toString(status);
            ApiResponse response = responses.get(key);
            if (response == null) {
                response = new ApiResponse().description("Problem codes: " + String.join(", ", codes));
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

    static Map<HttpMethod, Operation> operations(PathItem item) {
        Map<HttpMethod, Operation> ops = new LinkedHashMap<>();
        item.readOperationsMap().forEach((m, op) -> ops.put(HttpMethod.valueOf(m.name()), op));
        return ops;
    }
}
