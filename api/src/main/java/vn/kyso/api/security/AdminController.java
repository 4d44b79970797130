package vn.kyso.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's read-only view of access control; changes go through configuration. */
@RestController
@Tag(name = "Administration")
class AdminController {

    private final KeyOwnership keyOwnership;

    AdminController(KeyOwnership keyOwnership) {
        this.keyOwnership = keyOwnership;
    }

    @GetMapping(path = "/api/v1/admin/key-owners", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who owns which HSM key",
            description = "Each key alias with its owner: a person (principal) or an organisation. Needs ADMINISTRATOR.")
    Map<String, SecuritySettings.KeyOwner> keyOwners() {
        return new TreeMap<>(keyOwnership.owners());
    }
}
