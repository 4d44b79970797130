package vn.kyso.archfixture;

import eu.europa.esig.dss.model.DSSDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Breaks both architecture rules on purpose, so ArchitectureTest can show the rules are able to fail.
 * It lives outside vn.kyso.api so no application context ever scans it.
 */
@RestController
public class LeakyController {

    @GetMapping("/leak")
    public String leak(DSSDocument document) {
        return document.getName();
    }
}
