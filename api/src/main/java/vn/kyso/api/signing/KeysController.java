package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.access.Caller;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.security.KeyOwnership;
import vn.kyso.signing.SigningService;

@RestController
@Tag(name = "Keys")
class KeysController {

    private final SigningService signing;
    private final KeyOwnership keyOwnership;

    KeysController(SigningService signing, KeyOwnership keyOwnership) {
        this.signing = signing;
        this.keyOwnership = keyOwnership;
    }

    @GetMapping(path = "/api/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the signing keys",
            description = "Every key on every configured HSM, with its certificate's facts; `available` is false "
                    + "while its HSM cannot be reached. Only the keys the caller may sign "
                    + "with: their own personal key, their organisation's keys for a clerk; and only keys whose "
                    + "certificate is valid now unless `includeExpired=true`. `name`, `position` and "
                    + "`organisation` are read from the certificate's subject for key pickers, which show them "
                    + "instead of the subject (its UID or serialNumber carries the holder's citizen-ID number); "
                    + "`subject` is the whole distinguished name.")
    @ApiResponse(responseCode = "200", description = "The keys",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = KeyChoice.class))))
    @ProblemCodes({})
    List<KeyChoice> keys(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "Also keys whose certificate has expired or is not valid yet")
            @RequestParam(defaultValue = "false") boolean includeExpired) {
        Instant now = Instant.now();
        return signing.keys().stream().filter(k -> keyOwnership.mayUse(caller, k.id()))
                .map(k -> KeyChoice.of(k, now)).filter(k -> includeExpired || k.validNow()).toList();
    }
}
