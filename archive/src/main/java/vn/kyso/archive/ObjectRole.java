package vn.kyso.archive;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a stored object of a record is. Its wire name (in JSON, object keys, the catalogue and the
 * evidence ZIP) is the lower-case name the archive has always used, so nothing stored or sent changes.
 */
public enum ObjectRole {
    /** The document exactly as ingested. */
    ORIGINAL("original"),
    /** The archive's long-term copy, augmented to B-LTA; a new generation at each renewal. */
    AUGMENTED("augmented"),
    /** The validation report (JSON) at ingest. */
    VALIDATION("validation"),
    /** The ETSI TS 119 102-2 validation report (XML) at ingest. */
    VALIDATION_ETSI("validation-etsi"),
    /** The digests of every object of the record. */
    MANIFEST("manifest"),
    /** The signed data of a detached signature. */
    SIGNED_DATA("signed-data"),
    /**
     * The record's RFC 4998 evidence record (DER): its reduced hash tree and archive time-stamp chains
     * over the original, signed data and long-term copy; a new generation at each renewal.
     */
    EVIDENCE_RECORD("evidence-record");

    private final String wireName;

    ObjectRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON, object keys and the catalogue. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The role a wire name stands for. */
    public static ObjectRole ofWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no object role " + name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
