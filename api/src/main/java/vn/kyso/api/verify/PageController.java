package vn.kyso.api.verify;

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
 * Serves the three pages, each one static file under {@code static/<page>/} that reads what it shows
 * (language, the QR link's {@code id} and {@code h}, the archivist's search and open record, the clerk's
 * open letter) from its own query string, so one file answers every address and a search can be
 * bookmarked: the public verification page {@code /verify}, the archivist's {@code /archive} and the
 * clerk's {@code /letters}. Each is HTML, CSS and vanilla JavaScript over the REST API, with no build
 * step; who may open which is decided in {@code AccessRules}.
 */
@Controller
@Hidden
class PageController {

    static final String VERIFY = "/verify";
    static final String ARCHIVE = "/archive";
    static final String LETTERS = "/letters";

    private static final Resource VERIFY_PAGE = new ClassPathResource("static/verify/index.html");
    private static final Resource ARCHIVE_PAGE = new ClassPathResource("static/archive/index.html");
    private static final Resource LETTERS_PAGE = new ClassPathResource("static/letters/index.html");

    @GetMapping(VERIFY)
    ResponseEntity<Resource> verify() {
        return page(VERIFY_PAGE);
    }

    @GetMapping({ARCHIVE, ARCHIVE + "/"})
    ResponseEntity<Resource> archive() {
        return page(ARCHIVE_PAGE);
    }

    @GetMapping({LETTERS, LETTERS + "/"})
    ResponseEntity<Resource> letters() {
        return page(LETTERS_PAGE);
    }

    private static ResponseEntity<Resource> page(Resource page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Revalidated each time, so a fixed page reaches browsers and phones that opened the old one.
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
