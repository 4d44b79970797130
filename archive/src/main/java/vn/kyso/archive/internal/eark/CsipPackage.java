package vn.kyso.archive.internal.eark;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What goes into one E-ARK information package.
 *
 * @param objid           the package identifier (METS {@code OBJID}); the root folder is its safe form
 * @param label           a human title for the package
 * @param created         when the package is made
 * @param softwareVersion the version of this software, recorded in the METS header (CSIP15)
 * @param descriptive     the Decree 30 Appendix VI description, written under metadata/descriptive
 * @param representations the content, one folder per representation under representations/
 * @param documentation   files about the content (validation reports, manifests), under documentation/
 * @param events          the preservation history for PREMIS
 */
public record CsipPackage(String objid, String label, Instant created, String softwareVersion, byte[] descriptive,
        List<Representation> representations, List<Item> documentation, List<PremisEvent> events) {

    public CsipPackage {
        Objects.requireNonNull(objid, "objid");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(descriptive, "descriptive");
        representations = List.copyOf(representations);
        documentation = List.copyOf(documentation);
        events = List.copyOf(events);
    }

    /**
     * One file.
     *
     * @param name         its name in its folder: letters, digits, '.', '_', '-' (the writer replaces others)
     * @param originalName the name it came with, kept in PREMIS
     * @param content      the bytes
     * @param mediaType    its media type
     * @param created      when the archive stored it
     */
    public record Item(String name, String originalName, byte[] content, String mediaType, Instant created) {
    }

    /** A representation folder and its data files. */
    public record Representation(String name, List<Item> data) {
        public Representation {
            data = List.copyOf(data);
        }
    }

    /**
     * One event of the history: ingest, fixity check, re-validation, renewal, filing, closing.
     *
     * @param id      unique within the package
     * @param type    e.g. {@code INGEST}
     * @param at      when
     * @param outcome OK, FAILED …
     * @param detail  what happened
     * @param agent   who or what did it
     * @param object  the representation it concerns (its first data file is linked), or null
     */
    public record PremisEvent(String id, String type, Instant at, String outcome, String detail, String agent,
            String object) {
    }
}
