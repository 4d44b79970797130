package vn.kyso.demopki;

import vn.kyso.core.KeyFamily;

/** The four CAs of the demo PKI; {@link #id()} is the path segment of their responder URLs. */
enum CaId {
    SPECIALISED_ROOT("specialised-root", KeyFamily.SPECIALISED, null,
            "Demo Root CA Chuyên dùng Chính phủ", "Ban Cơ yếu Chính phủ (DEMO)"),
    SPECIALISED_CA("specialised-ca", KeyFamily.SPECIALISED, SPECIALISED_ROOT,
            "Demo Government CA", "Ban Cơ yếu Chính phủ (DEMO)"),
    PUBLIC_ROOT("public-root", KeyFamily.PUBLIC, null,
            "Demo Vietnam National Root CA", "Bộ Khoa học và Công nghệ (DEMO)"),
    PUBLIC_CA("public-ca", KeyFamily.PUBLIC, PUBLIC_ROOT,
            "Demo Public CA", "Công ty Cổ phần Chứng thực số Demo (DEMO)");

    private final String id;
    private final KeyFamily family;
    private final CaId issuer;
    private final String commonName;
    private final String organisation;

    CaId(String id, KeyFamily family, CaId issuer, String commonName, String organisation) {
        this.id = id;
        this.family = family;
        this.issuer = issuer;
        this.commonName = commonName;
        this.organisation = organisation;
    }

    String id() {
        return id;
    }

    KeyFamily family() {
        return family;
    }

    /** The CA that signed this one's certificate; null for a root. */
    CaId issuer() {
        return issuer;
    }

    boolean isRoot() {
        return issuer == null;
    }

    String commonName() {
        return commonName;
    }

    String organisation() {
        return organisation;
    }

    static CaId root(KeyFamily family) {
        return family == KeyFamily.SPECIALISED ? SPECIALISED_ROOT : PUBLIC_ROOT;
    }

    static CaId issuing(KeyFamily family) {
        return family == KeyFamily.SPECIALISED ? SPECIALISED_CA : PUBLIC_CA;
    }

    static CaId fromId(String id) {
        for (CaId ca : values()) {
            if (ca.id.equals(id)) {
                return ca;
            }
        }
        return null;
    }
}
