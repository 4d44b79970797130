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
 * Serves the page at the short address printed under QR codes. The page reads {@code lang}, {@code id}
 * and {@code h} itself, so one static file answers every link.
 */
@Controller
@Hidden
class VerifyPageController {

    static final String PATH = "/verify";

    private static final Resource PAGE = new ClassPathResource("static/verify/index.html");

    @GetMapping(PATH)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Revalidated each time, so a fixed page reaches phones that opened the old one.
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
