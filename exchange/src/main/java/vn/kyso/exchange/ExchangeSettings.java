package vn.kyso.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.kyso.signing.SignatureLevel;

/**
 * How this service exchanges.
 *
 * @param organs         the agencies this service sends and receives for, each with its specialised
 *                       key; the first is the default receiver
 * @param level          the signature level of messages and status messages
 * @param maxMessageSize the largest message accepted, in bytes
 * @param fondCode       the archive fond incoming letters are filed under
 * @param preservationYears the preservation period of archived incoming letters, null for permanent
 * @param documentTypes  letter type name → {@code DocumentType/Type} code; empty for
 *                       {@link #DECREE_30_TYPES}
 */
public record ExchangeSettings(List<LocalOrgan> organs, SignatureLevel level, long maxMessageSize,
        String fondCode, Integer preservationYears, Map<String, Integer> documentTypes) {

    /**
     * The 29 kinds of administrative document of Decree 30/2020/NĐ-CP Art. 7, numbered in the decree's
     * order. The official SDK's sample writes Type 18 for a công văn, which is this order; other systems
     * use other codes, so the table is a setting (docs/edxml.md).
     */
    public static final Map<String, Integer> DECREE_30_TYPES = decree30();

    public ExchangeSettings {
        organs = List.copyOf(Objects.requireNonNull(organs, "organs"));
        if (organs.isEmpty()) {
            throw new IllegalArgumentException("at least one agency is required");
        }
        if (organs.stream().map(o -> o.organ().organId()).distinct().count() != organs.size()) {
            throw new IllegalArgumentException("each agency once");
        }
        level = level == null ? SignatureLevel.B_T : level;
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 KB");
        }
        fondCode = fondCode == null || fondCode.isBlank() ? "EDXML" : fondCode.strip();
        Map<String, Integer> types = new LinkedHashMap<>();
        (documentTypes == null || documentTypes.isEmpty() ? DECREE_30_TYPES : documentTypes).forEach((name, code) -> {
            if (name == null || name.isBlank() || code == null || code < 0 || code > 999) {
                throw new IllegalArgumentException("document types map a name to a code from 0 to 999");
            }
            types.put(key(name), code);
        });
        documentTypes = Map.copyOf(types);
    }

    /** Settings with the Decree 30 document type codes. */
    public ExchangeSettings(List<LocalOrgan> organs, SignatureLevel level, long maxMessageSize, String fondCode,
            Integer preservationYears) {
        this(organs, level, maxMessageSize, fondCode, preservationYears, Map.of());
    }

    /** The {@code DocumentType/Type} code of a letter type, or null if the table has none. */
    public Integer documentTypeCode(String typeName) {
        return typeName == null ? null : documentTypes.get(key(typeName));
    }

    private static String key(String name) {
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> decree30() {
        String[] names = {"Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo",
            "Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản",
            "Tờ trình", "Hợp đồng", "Công văn", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền",
            "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công"};
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i + 1);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The default receiver: the first agency. */
    public LocalOrgan defaultOrgan() {
        return organs.get(0);
    }

    /** The agency with this identifier, or null. */
    public LocalOrgan organ(String organId) {
        return organs.stream().filter(o -> o.organ().organId().equals(organId)).findFirst().orElse(null);
    }

    /**
     * An agency this service acts for.
     *
     * @param organ    its identifier and name
     * @param keyAlias its specialised signing key
     */
    public record LocalOrgan(Organ organ, String keyAlias) {
        public LocalOrgan {
            Objects.requireNonNull(organ, "organ");
            if (keyAlias == null || keyAlias.isBlank()) {
                throw new IllegalArgumentException("keyAlias is required");
            }
        }
    }
}
