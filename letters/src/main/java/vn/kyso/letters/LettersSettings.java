package vn.kyso.letters;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the letters workflow, under {@code kyso.letters}.
 *
 * @param fondCode the archive fond (phông) the issued letters go into
 * @param maxList  the most letters one list answer holds, newest first
 */
@Validated
@ConfigurationProperties("kyso.letters")
public record LettersSettings(@NotBlank @DefaultValue("G09") String fondCode, @DefaultValue("200") int maxList) {

    public static LettersSettings defaults() {
        return new LettersSettings("G09", 200);
    }
}
