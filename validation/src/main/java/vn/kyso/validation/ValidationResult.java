package vn.kyso.validation;

import java.util.Objects;

/**
 * @param report     our explained report
 * @param etsiReport the ETSI TS 119 102-2 validation report (XML) produced by DSS, for auditors; empty
 *                   when the request did not ask for it
 */
public record ValidationResult(ValidationReport report, byte[] etsiReport) {

    public ValidationResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(etsiReport, "etsiReport");
    }
}
