package vn.kyso.archive.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.kyso.core.VietnamTime;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * The decisions of ingest and renewal, with no I/O: whether to augment, when evidence must be renewed,
 * which objects a record gets, its catalogue row and search text, and until when it is retained. The
 * ingest pipeline gathers the facts (validation, augmentation, text) and stores what this plans.
 */
final class EvidencePlanner {

    /** Vietnam's time (UTC+7, no daylight saving): the archive's days (disposal, bagging) are counted in it. */
    static final ZoneOffset VIETNAM = VietnamTime.OFFSET;

    private final ArchiveSettings settings;

    EvidencePlanner(ArchiveSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** An object to store: its role, generation, name, type and bytes. */
    record Planned(ObjectRole role, int generation, String name, String mediaType, byte[] content) {

        /** Its catalogue row: key and digests. */
        ObjectRow row(UUID id, Instant now) {
            Digests d = Digests.of(content);
            return new ObjectRow(id, role, generation, ObjectNames.key(id, role, generation, name), name, mediaType,
                    content.length, d.sha256(), d.sha512(), now);
        }
    }

    /**
     * What validation said of a document.
     *
     * @param level the weakest signature's format name, e.g. PAdES-BASELINE-B; null when unsigned
     */
    record Checked(ValidationReport report, byte[] etsi, String mediaType, String level) {

        static Checked of(ValidationReport report, byte[] etsi, String mediaType) {
            String level = report.signatures().stream().map(SignatureReport::format).filter(Objects::nonNull)
                    .min(Comparator.comparing(EvidencePlanner::level, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            return new Checked(report, etsi, mediaType, level);
        }
    }

    /** Whether to augment a document to B-LTA, and the note for its history when not. */
    record Augmentation(boolean wanted, String note) {
    }

    /** When the evidence was last time-stamped and when it must be renewed. */
    record Evidence(Instant lastTimestamp, Instant renewBy) {
    }

    /** Everything ingest gathered about one document, the input of {@link #plan}. */
    record Gathered(UUID id, String name, byte[] content, byte[] detachedOriginal, RecordMetadata requested,
            Digests digests, String actor, Instant now, Checked checked, SignedDocument augmented,
            Evidence evidence, TextExtractor.Extracted text, List<String> notes) {
    }

    /** What an ingest decided in memory: the catalogue row, the objects and the search text. */
    record Prepared(CatalogueRow row, List<Planned> planned, List<ObjectRow> rows, String searchFolded,
            String searchExact, String detail) {

        Prepared withRow(CatalogueRow other) {
            return new Prepared(other, planned, rows, searchFolded, searchExact, detail);
        }
    }

    /** The signature level a format name such as PAdES-BASELINE-LT ends in; B-B for any other signature. */
    static SignatureLevel level(String format) {
        if (format == null) {
            return null;
        }
        if (format.endsWith("-LTA")) {
            return SignatureLevel.B_LTA;
        }
        if (format.endsWith("-LT")) {
            return SignatureLevel.B_LT;
        }
        if (format.endsWith("-T")) {
            return SignatureLevel.B_T;
        }
        return SignatureLevel.B_B;
    }

    /** Unsigned and B-LTA documents need nothing; an invalid signature gets no evidence, which would prove nothing. */
    static Augmentation augmentation(Checked checked) {
        ValidationReport r = checked.report();
        if (r.verdict() == Verdict.UNSIGNED || r.signatures().isEmpty()) {
            return new Augmentation(false, null);
        }
        if (level(checked.level()) == SignatureLevel.B_LTA) {
            return new Augmentation(false, null);
        }
        if (r.verdict() == Verdict.INVALID) {
            return new Augmentation(false,
                    "not augmented: a signature is invalid, and evidence for it would prove nothing");
        }
        return new Augmentation(true, null);
    }

    /** Renew by the newest time-stamp's age limit or before its TSA certificate lapses, whichever is first. */
    Evidence evidence(ValidationReport report) {
        SignatureReport.TimestampInfo newest = null;
        for (SignatureReport s : report.signatures()) {
            for (SignatureReport.TimestampInfo t : s.timestamps()) {
                if (t.time() != null && (newest == null || t.time().isAfter(newest.time()))) {
                    newest = t;
                }
            }
        }
        if (newest == null) {
            return new Evidence(null, null);
        }
        Instant byAge = newest.time().plus(settings.maxEvidenceAge());
        Instant byCertificate = newest.tsaCertificateExpiry() == null ? byAge
                : newest.tsaCertificateExpiry().minus(settings.renewalMargin());
        return new Evidence(newest.time(), byCertificate.isBefore(byAge) ? byCertificate : byAge);
    }

    /** The objects, catalogue row (PENDING) and search text of a record. */
    Prepared plan(Gathered g) {
        Checked checked = g.checked();
        RecordMetadata metadata = g.requested().withDefaults(firstSigner(checked.report()), g.text().pages());
        LocalDate disposableFrom = metadata.preservation().endsAfter(metadata.documentDate());
        String ext = ObjectNames.extension(g.name(), checked.mediaType());
        List<Planned> planned = new ArrayList<>();
        planned.add(new Planned(ObjectRole.ORIGINAL, 0, g.name(), checked.mediaType(), g.content()));
        if (g.detachedOriginal() != null) {
            planned.add(signedData(g.detachedOriginal()));
        }
        if (g.augmented() != null) {
            planned.add(new Planned(ObjectRole.AUGMENTED, 1, ObjectNames.stem(g.name()) + "-lta" + ext,
                    g.augmented().mediaType(), g.augmented().content()));
        }
        planned.add(new Planned(ObjectRole.VALIDATION, 0, "validation-report.json", "application/json",
                ArchiveJson.write(checked.report())));
        if (checked.etsi().length > 0) {
            planned.add(new Planned(ObjectRole.VALIDATION_ETSI, 0, "validation-report-etsi.xml", "application/xml",
                    checked.etsi()));
        }
        List<ObjectRow> rows = new ArrayList<>();
        for (Planned p : planned) {
            rows.add(p.row(g.id(), g.now()));
        }
        Planned manifest = new Planned(ObjectRole.MANIFEST, 0, "manifest.json", "application/json",
                manifest(g.id(), metadata, rows, g.now()));
        rows.add(manifest.row(g.id(), g.now()));
        planned.add(manifest);

        CatalogueRow row = new CatalogueRow(g.id(), RecordState.PENDING, metadata,
                new CatalogueRow.OriginalFacts(g.name(), checked.mediaType(), g.content().length,
                        g.digests().sha256(), g.digests().sha512()),
                new CatalogueRow.Findings(checked.report().verdict(), g.now(), checked.level(), g.augmented() != null,
                        g.evidence().lastTimestamp(), g.evidence().renewBy()),
                disposableFrom, false, g.now(), g.actor(), null, g.text().text());
        String searchable = String.join(" ", metadata.numberSymbol(), metadata.documentType(), metadata.issuer(),
                metadata.subject(), Objects.toString(metadata.signer(), ""), String.join(" ", metadata.keywords()),
                metadata.fileCode(), g.text().text());
        String detail = "verdict " + checked.report().verdict() + ", level " + checked.level()
                + (g.augmented() != null ? ", augmented to B-LTA" : "")
                + (g.notes().isEmpty() ? "" : "; " + String.join("; ", g.notes()));
        return new Prepared(row, planned, rows, VietnameseText.fold(searchable), VietnameseText.exact(searchable),
                detail);
    }

    /** The first objects of an accepted record: the original and, for a detached signature, its data. */
    static List<Planned> accepted(String name, String mediaType, byte[] content, byte[] detachedOriginal) {
        List<Planned> planned = new ArrayList<>();
        planned.add(new Planned(ObjectRole.ORIGINAL, 0, name, mediaType, content));
        if (detachedOriginal != null) {
            planned.add(signedData(detachedOriginal));
        }
        return planned;
    }

    private static Planned signedData(byte[] detachedOriginal) {
        return new Planned(ObjectRole.SIGNED_DATA, 0, "signed-data.bin", "application/octet-stream",
                detachedOriginal);
    }

    /** A renewal's new generation of the long-term copy. */
    static Planned renewal(CatalogueRow row, List<ObjectRow> objects, SignedDocument renewed) {
        int generation = objects.stream().filter(o -> o.role() == ObjectRole.AUGMENTED)
                .mapToInt(ObjectRow::generation).max().orElse(0) + 1;
        String name = ObjectNames.stem(row.original().name()) + "-lta"
                + ObjectNames.extension(row.original().name(), row.original().mediaType());
        return new Planned(ObjectRole.AUGMENTED, generation, name, renewed.mediaType(), renewed.content());
    }

    /**
     * Until when a record's objects are locked: the first day it may be disposed of, or the permanent
     * retention from ingest; null when that has passed (the disposal workflow alone guards it then).
     */
    static Instant retainUntil(CatalogueRow row, ArchiveSettings settings, Instant now) {
        Instant until = row.disposableFrom() != null ? row.disposableFrom().atStartOfDay(VIETNAM).toInstant()
                : row.ingestedAt().atZone(VIETNAM).plusYears(settings.permanentRetentionYears()).toInstant();
        return until.isAfter(now) ? until : null;
    }

    private static String firstSigner(ValidationReport r) {
        return r.signatures().isEmpty() ? null : r.signatures().get(0).signerName();
    }

    private static byte[] manifest(UUID id, RecordMetadata metadata, List<ObjectRow> rows, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", id.toString());
        m.put("createdAt", now);
        m.put("metadata", metadata);
        m.put("objects", rows.stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("role", r.role().wireName());
            o.put("generation", r.generation());
            o.put("key", r.key());
            o.put("name", r.name());
            o.put("mediaType", r.mediaType());
            o.put("size", r.size());
            o.put("sha256", r.sha256());
            o.put("sha512", r.sha512());
            return o;
        }).toList());
        return ArchiveJson.write(m);
    }
}
