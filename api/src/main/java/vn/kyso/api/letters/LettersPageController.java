package vn.kyso.api.letters;

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
 * Serves the clerk's page. It reads the open letter and the language from the query string itself, so
 * one static file answers every address.
 */
@Controller
@Hidden
class LettersPageController {

    static final String PATH = "/letters";

    private static final Resource PAGE = new ClassPathResource("static/letters/index.html");

    @GetMapping({PATH, PATH + "/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
