package vn.kyso.api.signing;

import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.api.error.ApiException;

/**
 * Reads {@link SignOptionsForm} from the request's form fields by name.
 *
 * <p>Spring MVC could bind the record by itself, but its constructor binding re-reads the annotations of
 * every constructor parameter on every request (the OpenAPI {@code @Parameter}/{@code @Schema} on the
 * components are large), which profiling of {@code POST /api/v1/signatures} showed as about a tenth of
 * a B-B signing request. Thirteen named fields are simple enough to read here; springdoc still documents
 * the fields from the record's annotations ({@code @ParameterObject}).
 */
@Configuration(proxyBeanMethods = false)
class SignOptionsFormResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignOptionsForm.class;
    }

    @Override
    public SignOptionsForm resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binders) {
        return read(request::getParameter);
    }

    /** The form from named text fields; a blank number counts as absent, as Spring's conversion has it. */
    static SignOptionsForm read(Function<String, String> field) {
        return new SignOptionsForm(field.apply("level"), field.apply("format"), field.apply("packaging"),
                field.apply("appearance"), integer(field, "page"), number(field, "x"), number(field, "y"),
                number(field, "width"), number(field, "height"), numberSymbol(field),
                field.apply("copyForm"), field.apply("digest"), field.apply("family"),
                field.apply("jwsSerialization"), field.apply("copySource"));
    }

    /** {@code numberSymbol}, or the field's former name {@code documentNumber}, which clients may still send. */
    private static String numberSymbol(Function<String, String> field) {
        String value = field.apply("numberSymbol");
        return value != null ? value : field.apply("documentNumber");
    }

    private static Integer integer(Function<String, String> field, String name) {
        return parsed(field, name, Integer::valueOf);
    }

    private static Float number(Function<String, String> field, String name) {
        return parsed(field, name, Float::valueOf);
    }

    private static <T> T parsed(Function<String, String> field, String name, Function<String, T> parser) {
        String v = field.apply(name);
        try {
            return v == null || v.isBlank() ? null : parser.apply(v.strip());
        } catch (NumberFormatException e) {
            throw invalid(name);
        }
    }

    private static ApiException invalid(String name) {
        return ApiException.invalid("Invalid value for '" + name + "'");
    }
}
