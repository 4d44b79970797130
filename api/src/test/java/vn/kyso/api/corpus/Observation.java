package vn.kyso.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the service answered for one case: the HTTP status, the verdict (or REJECTED for a 4xx problem,
 * SERVER_ERROR for a 5xx, TIMEOUT), every reason code it gave, which of them name a modification, and
 * the signatures reported VALID although changes after them are named.
 */
record Observation(int status, String outcome, List<String> codes, List<String> findings,
        List<String> greenTicksOverChanges, long millis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Codes that speak of trust, evidence, policy or the verdict itself, never of a change to the
     * content. A verdict whose only reasons are among these is "silent" about an attack. Everything
     * else (HASH_FAILURE, SIG_CRYPTO_FAILURE, FORMAT_FAILURE, MODIFIED_AFTER_SIGNING, the PDF change
     * kinds, and any code added later for a new detection) names something wrong with the content.
     */
    static final Set<String> NOT_ABOUT_CONTENT = Set.of(
            "VALID", "INVALID", "INDETERMINATE", "UNSIGNED",
            "NO_CERTIFICATE_CHAIN_FOUND", "NO_CERTIFICATE_CHAIN_FOUND_NO_POE", "CERTIFICATE_CHAIN_GENERAL_FAILURE",
            "CHAIN_CONSTRAINTS_FAILURE", "NO_SIGNING_CERTIFICATE_FOUND", "TRY_LATER",
            "REVOCATION_OUT_OF_BOUNDS_NO_POE", "REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE", "EXPIRED",
            "NOT_YET_VALID", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "NO_POE",
            "CRYPTO_CONSTRAINTS_FAILURE", "CRYPTO_CONSTRAINTS_FAILURE_NO_POE", "SIG_CONSTRAINTS_FAILURE",
            "POLICY_PROCESSING_ERROR", "SIGNATURE_POLICY_NOT_AVAILABLE", "SIGNED_DATA_NOT_FOUND",
            // coverage; PARTIAL is what an XML signature over one element (enveloping) says
            "WHOLE_DOCUMENT", "REVISION", "FILES", "DETACHED_ORIGINAL", "PARTIAL", "UNKNOWN",
            // a 4xx asking for the detached original names no problem with the file
            "ORIGINAL_REQUIRED",
            // changes after signing that are permitted
            "LATER_SIGNATURE", "VALIDATION_DATA_ADDED",
            // notes shown after the verdict without changing it: what limits it, or a layout deviation
            // that hides nothing (ContainerFindings.NOTES, Limits)
            "REVOCATION_NOT_CHECKED_OFFLINE", "WEAK_DIGEST_SHA1", "CONTAINER_MIMETYPE_NOT_FIRST");

    /** What a signature whose value verifies independently must never be reported with. */
    static final Set<String> BROKEN_MATH = Set.of("HASH_FAILURE", "SIG_CRYPTO_FAILURE");

    static Observation of(int status, byte[] body, long millis) {
        if (status >= 500) {
            return new Observation(status, "SERVER_ERROR", List.of(), List.of(), List.of(), millis);
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new Observation(status, status == 200 ? "UNREADABLE" : "REJECTED", List.of(), List.of(), List.of(),
                    millis);
        }
        Set<String> codes = new LinkedHashSet<>();
        if (status != 200) {
            codes.add(text(json.get("code")));
            codes.remove("");
            List<String> named = codes.stream().filter(c -> !NOT_ABOUT_CONTENT.contains(c)).toList();
            return new Observation(status, "REJECTED", List.copyOf(codes), named, List.of(), millis);
        }
        codes.add(text(json.path("summary").get("code")));
        json.path("findings").forEach(f -> codes.add(text(f.get("code"))));
        List<String> greenTicks = new ArrayList<>();
        for (JsonNode s : json.path("signatures")) {
            codes.add(text(s.path("reason").get("code")));
            codes.add(text(s.path("coverage").get("code")));
            List<String> changes = new ArrayList<>();
            s.path("changesAfterSigning").forEach(c -> changes.add(text(c.get("code"))));
            codes.addAll(changes);
            // Issue #10 item 7: no signature card shows a green tick when the content changed after it.
            if ("VALID".equals(text(s.get("verdict")))
                    && changes.stream().anyMatch(c -> !c.isEmpty() && !NOT_ABOUT_CONTENT.contains(c))) {
                greenTicks.add(text(s.get("signerName")) + " " + changes);
            }
        }
        codes.remove("");
        List<String> findings = codes.stream().filter(c -> !NOT_ABOUT_CONTENT.contains(c)).toList();
        return new Observation(status, text(json.get("verdict")), List.copyOf(codes), findings, greenTicks,
                millis);
    }

    static Observation timeout(long millis) {
        return new Observation(0, "TIMEOUT", List.of(), List.of(), List.of(), millis);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    /** Why this answer does not meet the expectation; empty when it does. */
    List<String> failures(Expectation e) {
        List<String> why = new ArrayList<>();
        if (status >= 500 || outcome.equals("SERVER_ERROR")) {
            why.add("5xx (" + status + ")");
            return why;
        }
        if (outcome.equals("TIMEOUT") || outcome.equals("UNREADABLE")) {
            why.add(outcome);
            return why;
        }
        if (e.kind().forged() && outcome.equals("VALID")) {
            why.add("false VALID");
        } else if (!e.allowed().contains(outcome)) {
            why.add("verdict " + outcome + " not in " + String.join("|", e.allowed()));
        }
        boolean named = !findings.isEmpty();
        if (e.finding() == Expectation.Finding.NAMED && !named) {
            why.add("silent: no finding names the modification (codes " + codes + ")");
        }
        if (e.finding() == Expectation.Finding.NONE && named) {
            why.add("false finding on a genuine file: " + findings);
        }
        if (!greenTicksOverChanges.isEmpty()) {
            why.add("VALID signature card over content changed after it: " + greenTicksOverChanges);
        }
        if (e.finding() == Expectation.Finding.INTACT && codes.stream().anyMatch(BROKEN_MATH::contains)) {
            why.add("broken signature reported where an independent tool verifies it: " + codes);
        }
        return why;
    }
}
