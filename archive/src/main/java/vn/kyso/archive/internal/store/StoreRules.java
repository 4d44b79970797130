package vn.kyso.archive.internal.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import vn.kyso.archive.spi.ObjectStore.ObjectInfo;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/** The port's rules that every adapter checks the same way, whatever its backend enforces. */
final class StoreRules {

    /** S3 limits keys to 1,024 bytes; our keys are ASCII, so characters equal bytes. */
    static final int MAX_KEY_LENGTH = 1024;

    /**
     * Longest key segment: with the filesystem store's suffixes and temporary-file marker a file
     * name stays under the common 255-byte limit.
     */
    static final int MAX_SEGMENT_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9._/-]*");

    private StoreRules() {}

    /** Checks a key against the port's javadoc: relative, lower-case letters, digits, {@code . _ -}, {@code /}. */
    static String requireValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw invalidKey(key);
        }
        // split with -1 keeps empty segments, so "a//b", "/a" and "a/" are refused
        for (String segment : key.split("/", -1)) {
            if (segment.length() > MAX_SEGMENT_LENGTH || !SEGMENT.matcher(segment).matches()
                    || segment.equals(".") || segment.equals("..")) {
                throw invalidKey(key);
            }
        }
        return key;
    }

    /** A list prefix may be empty or end in the middle of a segment, but never climbs out of the store. */
    static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        if (prefix.length() > MAX_KEY_LENGTH || !PREFIX.matcher(prefix).matches() || prefix.startsWith("/")) {
            throw invalidKey(prefix);
        }
        for (String segment : prefix.split("/", -1)) {
            if (segment.equals("..")) {
                throw invalidKey(prefix);
            }
        }
        return prefix;
    }

    static boolean isValidKey(String key) {
        try {
            requireValidKey(key);
            return true;
        } catch (ObjectStoreException e) {
            return false;
        }
    }

    /**
     * Rounds a retention date up to a whole second: S3 keeps retain-until dates to the second, and
     * rounding up never ends a retention earlier than asked.
     */
    static Instant normalizeRetention(Instant retainUntil) {
        if (retainUntil == null) {
            return null;
        }
        Instant seconds = retainUntil.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(retainUntil) ? seconds : seconds.plusSeconds(1);
    }

    /** Refuses a delete while the object's retention date lies ahead or it is under legal hold. */
    static void requireDeletable(ObjectInfo info, Clock clock) {
        if (info.legalHold()) {
            throw new ObjectStoreException(Reason.RETENTION_ACTIVE, "Object " + info.key() + " is under legal hold");
        }
        if (info.retainUntil() != null && info.retainUntil().isAfter(clock.instant())) {
            throw new ObjectStoreException(
                    Reason.RETENTION_ACTIVE, "Object " + info.key() + " is retained until " + info.retainUntil());
        }
    }

    /** Refuses to move a retention date earlier; returns the normalised new date. */
    static Instant requireExtension(ObjectInfo info, Instant retainUntil) {
        if (retainUntil == null) {
            throw new IllegalArgumentException("retainUntil is required");
        }
        Instant normalized = normalizeRetention(retainUntil);
        if (info.retainUntil() != null && normalized.isBefore(info.retainUntil())) {
            throw new ObjectStoreException(
                    Reason.RETENTION_ACTIVE,
                    "Retention of " + info.key() + " can't be shortened from " + info.retainUntil() + " to " + normalized);
        }
        return normalized;
    }

    static ObjectStoreException notFound(String key) {
        return new ObjectStoreException(Reason.NOT_FOUND, "No object " + key);
    }

    static ObjectStoreException alreadyExists(String key) {
        return new ObjectStoreException(Reason.ALREADY_EXISTS, "Object " + key + " already exists and is never overwritten");
    }

    private static ObjectStoreException invalidKey(String key) {
        return new ObjectStoreException(Reason.INVALID_KEY, "Invalid object key: " + abbreviate(key));
    }

    private static String abbreviate(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() <= 80 ? '"' + key + '"' : '"' + key.substring(0, 80) + "…\"";
    }
}
