package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.kyso.audit.AuditOutcome;

class AuditedRequestsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "POST, /api/v1/signatures, SIGN, -",
            "POST, /api/v1/signatures/batch, SIGN, -",
            "POST, /api/v1/signatures/containers, SIGN, -",
            "POST, /api/v1/signatures/ab12/complete, SIGN, prepared:ab12",
            "POST, /api/v1/records, INGEST, -",
            "GET, /api/v1/records/r1/content, RETRIEVE, r1",
            "GET, /api/v1/records/r1/evidence, RETRIEVE, r1",
            "GET, /api/v1/records/r1/package, EXPORT, r1",
            "GET, /api/v1/files/G09/G09.01/package, EXPORT, file:G09/G09.01",
            "GET, /api/v1/files/G09/01/2026/package, EXPORT, file:G09/01/2026",
            "PUT, /api/v1/records/r1/legal-hold, LEGAL_HOLD, r1",
            "POST, /api/v1/disposal-lists, DISPOSAL_LIST, -",
            "POST, /api/v1/disposal-lists/7/approval, DISPOSE, disposal-list:7",
            "POST, /api/v1/conversions, CONVERT, -",
            "POST, /api/v1/archive-jobs/fixity, JOB, job:fixity",
            "POST, /api/v1/records/, INGEST, -",
            "PUT, /api/v1/admin/key-owners/ubnd-binh-an, KEY_CHANGE, key:ubnd-binh-an",
            "DELETE, /api/v1/admin/key-owners/ubnd-binh-an, KEY_CHANGE, key:ubnd-binh-an",
            "POST, /api/v1/admin/api-keys, PERMISSION_CHANGE, -",
            "DELETE, /api/v1/admin/api-keys/edoc-ubnd, PERMISSION_CHANGE, api-key:edoc-ubnd",
            "GET, /api/v1/records/r1/eark-package, EXPORT, r1",
            "GET, /api/v1/files/G09/000.00.31.H09.2025.07/QH/eark-package, EXPORT, file:G09/000.00.31.H09.2025.07/QH",
            "POST, /api/v1/exchange/outgoing, EXCHANGE, -",
            "POST, /api/v1/exchange/incoming, EXCHANGE, -",
            "POST, /api/v1/exchange/follow-up, EXCHANGE, -",
            "POST, /api/v1/exchange/status, EXCHANGE, -"})
    void classifiesAuditedRequests(String method, String path, String action, String target) {
        assertThat(AuditedRequests.classify(method, path)).hasValueSatisfying(a -> {
            assertThat(a.action().name()).isEqualTo(action);
            assertThat(a.target()).isEqualTo(target);
        });
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/validations", "GET, /api/v1/records", "GET, /api/v1/records/r1",
            "GET, /api/v1/signatures", "POST, /api/v1/signatures/prepare/x", "GET, /api/v1/audit/verification",
            "POST, /api/v1/issued-documents/d/comparison", "DELETE, /api/v1/records/r1/content",
            "GET, /api/v1/admin/key-owners", "GET, /api/v1/admin/api-keys"})
    void leavesOthersOut(String method, String path) {
        assertThat(AuditedRequests.classify(method, path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"200, OK", "201, OK", "302, OK", "400, REFUSED", "404, REFUSED", "409, REFUSED", "500, FAILED",
            "503, FAILED"})
    void mapsStatusToOutcome(int status, AuditOutcome outcome) {
        assertThat(AuditInterceptor.outcome(status)).isEqualTo(outcome);
    }
}
