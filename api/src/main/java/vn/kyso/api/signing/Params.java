package vn.kyso.api.signing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.kyso.api.error.ApiException;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.SignatureLevel;

/** Lenient parsing of enum-valued request parameters, with errors that list what is allowed. */
final class Params {

    private static final int MAX_ECHO = 40;

    private Params() {
    }

    /**
     * Parses {@code value} ignoring case, dashes and underscores, so "B-LT", "b_lt" and "SHA-256" all
     * match; null or blank gives {@code fallback}.
     *
     * @throws ApiException INVALID_REQUEST naming the parameter and the allowed values
     */
    static <E extends Enum<E>> E parse(String param, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String wanted = normalise(value);
        for (E constant : type.getEnumConstants()) {
            if (normalise(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        String shown = value.strip();
        if (shown.length() > MAX_ECHO) {
            shown = shown.substring(0, MAX_ECHO) + "…";
        }
        throw ApiException.invalid("Unknown " + param + " '" + shown + "'; allowed: " + allowed(type));
    }

    /** How a value is written in the API: B-LT for levels, lower case for appearances, else the name. */
    static String label(Enum<?> value) {
        if (value instanceof SignatureLevel) {
            return value.name().replace('_', '-');
        }
        if (value instanceof Appearance) {
            return value.name().toLowerCase(Locale.ROOT);
        }
        return value.name();
    }

    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Params::label).collect(Collectors.joining(", "));
    }

    private static String normalise(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
