package vn.kyso.exchange;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agency as edXML names it.
 *
 * @param organId   the agency's electronic identifier (mã định danh, Decision 20/2020/QĐ-TTg), e.g.
 *                  {@code 000.00.00.H99}
 * @param organName the agency's name
 */
public record Organ(String organId, String organName) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public Organ {
        organId = Objects.requireNonNull(organId, "organId").strip();
        if (!ID.matcher(organId).matches()) {
            throw new IllegalArgumentException("organId must be 1-40 letters, digits, '.', '_' or '-'");
        }
        organName = organName == null || organName.isBlank() ? organId : organName.strip();
        if (organName.length() > 300) {
            throw new IllegalArgumentException("organName must be at most 300 characters");
        }
    }
}
