package vn.kyso.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.ChainHead;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.Checkpoint;

/** The auditor's view of the audit trail: read it, verify it, time-stamp its head. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {

    private final ObjectProvider<AuditLog> audit;

    AuditController(ObjectProvider<AuditLog> audit) {
        this.audit = audit;
    }

    /** A page of entries with the head, so the auditor knows where the log ends. */
    record EntriesPage(List<AuditEntry> items, ChainHead head) {
    }

    @GetMapping("/entries")
    @Operation(summary = "Read audit entries",
            description = "Entries in sequence order from `from` (default 1), at most `limit` (1 to 1000).")
    @ProblemCodes({"AUDIT_DISABLED", "INVALID_QUERY", "DATABASE_UNAVAILABLE"})
    ResponseEntity<EntriesPage> entries(
            @Parameter(description = "First sequence number") @RequestParam(defaultValue = "1") long from,
            @Parameter(description = "At most this many, 1 to 1000") @RequestParam(defaultValue = "100") int limit) {
        AuditLog log = log();
        return noStore(new EntriesPage(log.entries(from, limit), log.head()));
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the audit chain",
            description = "Recomputes every entry's hash and link and checks every checkpoint's time-stamp token. "
                    + "`firstBroken` names the first broken link: EDITED (fields no longer match the hash), DELETED "
                    + "(a sequence number is missing) or REORDERED (an entry does not follow the one before it).")
    @ProblemCodes({"AUDIT_DISABLED", "DATABASE_UNAVAILABLE"})
    ResponseEntity<ChainVerification> verification() {
        return noStore(log().verify());
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Time-stamp the chain head now",
            description = "Asks the configured RFC 3161 TSA for a token over the current chain head hash.")
    @ProblemCodes({"AUDIT_DISABLED", "DATABASE_UNAVAILABLE", "TSA_NOT_CONFIGURED", "TSA_UNAVAILABLE",
        "TSA_RESPONSE_INVALID", "AUDIT_FAILED"})
    ResponseEntity<Checkpoint> checkpoint() {
        return noStore(log().timestamp());
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "List checkpoints", description = "The newest 1000 checkpoints, oldest first.")
    @ProblemCodes({"AUDIT_DISABLED", "DATABASE_UNAVAILABLE"})
    ResponseEntity<List<Checkpoint>> checkpoints() {
        return noStore(log().checkpoints());
    }

    private AuditLog log() {
        AuditLog log = audit.getIfAvailable();
        if (log == null) {
            throw new AuditException(AuditError.AUDIT_DISABLED, "the audit trail is not configured");
        }
        return log;
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
