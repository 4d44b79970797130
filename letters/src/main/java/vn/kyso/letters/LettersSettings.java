package vn.kyso.letters;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the letters workflow, under {@code kyso.letters}.
 *
 * @param fondCode        the archive fond (phông) the issued letters go into
 * @param maxList         the most letters one list answer holds, newest first
 * @param qrOrganisations the organisations (as letters' owners name them) whose letters carry the
 *                        verification QR code, stamped on the draft; {@value #EVERY_ORGANISATION} for every
 *                        letter, empty for none
 */
@Validated
@ConfigurationProperties("kyso.letters")
public record LettersSettings(@NotBlank @DefaultValue("G09") String fondCode, @DefaultValue("200") int maxList,
        @DefaultValue("") List<String> qrOrganisations) {

    /** Every organisation's letters, and those filed with no owner. */
    public static final String EVERY_ORGANISATION = "*";

    public LettersSettings {
        qrOrganisations = qrOrganisations == null ? List.of()
                : qrOrganisations.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
    }

    public static LettersSettings defaults() {
        return new LettersSettings("G09", 200, List.of());
    }

    /** Whether the letters of this owner (null: none) carry the verification QR code. */
    public boolean qrFor(String owner) {
        return qrOrganisations.contains(EVERY_ORGANISATION) || owner != null && qrOrganisations.contains(owner.strip());
    }
}
