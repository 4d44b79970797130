package vn.kyso.archive.internal;

import java.util.Locale;
import java.util.UUID;
import vn.kyso.archive.ObjectRole;

/** How objects are keyed in the store and named in packages: pure string rules shared by every job. */
final class ObjectNames {

    private ObjectNames() {
    }

    static String key(UUID id, ObjectRole role, int generation, String name) {
        return "records/" + id + "/" + role.wireName() + "-" + generation + extension(name, null);
    }

    static String extension(String name, String mediaType) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        if (ext.matches("\\.[a-z0-9]{1,8}")) {
            return ext;
        }
        if (mediaType == null) {
            return ".bin";
        }
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "application/xml" -> ".xml";
            case "application/json" -> ".json";
            case "application/zip" -> ".zip";
            default -> ".bin";
        };
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String safeName(String name) {
        String n = name.replaceAll("[/\\\\\\p{Cntrl}]", "_");
        return n.isBlank() || n.startsWith(".") ? "_" + n : n;
    }

    /** An evidence object's file name in a ZIP or bag: role, generation and its own name. */
    static String evidenceName(ObjectRow o) {
        return o.role().wireName() + "-" + o.generation() + "-" + o.name();
    }
}
