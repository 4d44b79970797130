package vn.kyso.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.kyso.core.ErrorCode;

/** The one list of problem codes: each has its Vietnamese title, and docs/errors.md lists each. */
class ErrorCatalogTest {

    @Test
    void everyCodeOfEveryModuleHasAVietnameseTitle() {
        for (ErrorCode c : ErrorCatalog.enumConstants()) {
            assertThat(ErrorCatalog.titleVi(c.code())).as(c.getClass().getSimpleName() + "." + c.code())
                    .isNotBlank();
        }
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            assertThat(e.titleVi()).as(e.code()).isNotBlank();
            assertThat(e.titleEn()).as(e.code()).isNotBlank();
            assertThat(e.status()).as(e.code()).isBetween(400, 599);
        }
    }

    @Test
    void theVietnameseTitlesNameNoCodeThatDoesNotExist() throws Exception {
        Properties titles = new Properties();
        try (InputStream in = ErrorCatalog.class.getResourceAsStream("/problems/titles-vi.properties")) {
            titles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> codes = ErrorCatalog.entries().stream().map(ErrorCatalog.Entry::code).collect(Collectors.toSet());
        assertThat(titles.stringPropertyNames()).isSubsetOf(codes);
    }

    @Test
    void theUploadCausesHaveOneCodeEach() {
        assertThat(ErrorCatalog.entry("EMPTY_DOCUMENT").status()).isEqualTo(400);
        assertThat(ErrorCatalog.entry("UPLOAD_TOO_LARGE").status()).isEqualTo(413);
        assertThat(ErrorCatalog.entry("ENCRYPTED_PDF").status()).isEqualTo(422);
    }

    @Test
    void docsErrorsMdListsEveryCode() throws Exception {
        String doc = Files.readString(Path.of("../docs/errors.md"));
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            assertThat(doc).as(e.code()).contains("| `" + e.code() + "` | " + e.status() + " |");
        }
    }
}
