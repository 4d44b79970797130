package vn.kyso.archive.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;

/** A stored object of a record as the catalogue names it: where it is and what it must hash to. */
record ObjectRow(UUID recordId, ObjectRole role, int generation, String key, String name, String mediaType,
        long size, String sha256, String sha512, Instant storedAt) {

    RecordDetails.StoredObject toApi() {
        return new RecordDetails.StoredObject(role, generation, name, mediaType, size, sha256, sha512, storedAt);
    }

    /** The newest generation of {@code role} among a record's objects. */
    static Optional<ObjectRow> latest(List<ObjectRow> objects, ObjectRole role) {
        return objects.stream().filter(o -> o.role() == role).max(Comparator.comparingInt(ObjectRow::generation));
    }

    /** The newest long-term copy, or the original when the archive added no evidence. */
    static ObjectRow current(List<ObjectRow> objects) {
        return latest(objects, ObjectRole.AUGMENTED)
                .orElseGet(() -> latest(objects, ObjectRole.ORIGINAL).orElseThrow());
    }
}
