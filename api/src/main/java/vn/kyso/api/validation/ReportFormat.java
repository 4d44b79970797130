package vn.kyso.api.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import vn.kyso.api.error.ApiException;

/** The three shapes of a validation's answer, chosen by the {@code format} field or else by Accept. */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    PDF(MediaType.APPLICATION_PDF),
    ETSI(MediaType.APPLICATION_XML);

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * A form field wins over the header because a browser form or a link cannot set Accept.
     *
     * @throws ApiException INVALID_REQUEST for an unknown {@code format}
     * @throws HttpMediaTypeNotAcceptableException when Accept allows none of the three (406)
     */
    static ReportFormat choose(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null && !format.isBlank()) {
            return parse(format);
        }
        return fromAccept(accept);
    }

    static String allowed() {
        return "json, pdf, etsi";
    }

    private static ReportFormat parse(String format) {
        String wanted = format.strip().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        throw ApiException.invalid("Unknown format '" + Echo.shorten(format) + "'; allowed: " + allowed());
    }

    private static ReportFormat fromAccept(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return JSON; // an unreadable Accept is treated as none, as most servers do
        }
        // Stable sort: equal qualities keep the client's order.
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            for (ReportFormat f : values()) {
                if (type.includes(f.mediaType) || (f == ETSI && type.includes(MediaType.TEXT_XML))) {
                    return f;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(JSON.mediaType, PDF.mediaType, ETSI.mediaType));
    }
}
