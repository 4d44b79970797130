package vn.kyso.api.archivepage;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the archivist's page. The page reads its search, the open record and the language from the
 * query string itself, so one static file answers every address and a search can be bookmarked.
 */
@Controller
@Hidden
class ArchivePageController {

    static final String PATH = "/archive";

    private static final Resource PAGE = new ClassPathResource("static/archive/index.html");

    @GetMapping({PATH, PATH + "/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Revalidated each time, so a fixed page reaches browsers that opened the old one.
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
