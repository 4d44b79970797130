package vn.kyso.demopki;

import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity.Holder;

/**
 * The fixed cast of the demo PKI. Names live in code rather than in the generated directory so that
 * a loaded PKI describes its identities exactly as a freshly generated one.
 *
 * @param uid     the UID attribute of the subject: "CCCD:" citizen id for people, "MST:" tax code
 *                for organisations, as Vietnamese CAs write them
 * @param expired whether the certificate's validity ended a year ago
 */
record IdentitySpec(
        String alias,
        KeyFamily family,
        Holder holder,
        String displayName,
        String organisation,
        String keyAlgorithm,
        String uid,
        boolean expired,
        boolean inToken) {

    static final String RSA_2048 = "RSA-2048";
    static final String EC_P256 = "EC-P256";

    private static final String UBND = "Ủy ban nhân dân tỉnh Bình An";
    private static final String SO_NOI_VU = "Sở Nội vụ tỉnh Bình An";
    private static final String SAO_MAI = "Công ty TNHH Phần mềm Sao Mai";

    static final List<IdentitySpec> ALL = List.of(
            new IdentitySpec("ubnd-binh-an", KeyFamily.SPECIALISED, Holder.ORGANISATION,
                    UBND, UBND, RSA_2048, "MST:0109000001", false, true),
            new IdentitySpec("tran-thi-bich-ngoc", KeyFamily.SPECIALISED, Holder.PERSON,
                    "Trần Thị Bích Ngọc", UBND, RSA_2048, "CCCD:079186000101", false, true),
            new IdentitySpec("so-noi-vu-binh-an", KeyFamily.SPECIALISED, Holder.ORGANISATION,
                    SO_NOI_VU, SO_NOI_VU, RSA_2048, "MST:0109000002", false, true),
            new IdentitySpec("le-minh-khoa", KeyFamily.SPECIALISED, Holder.PERSON,
                    "Lê Minh Khoa", SO_NOI_VU, EC_P256, "CCCD:079090000102", false, true),
            new IdentitySpec("cong-ty-sao-mai", KeyFamily.PUBLIC, Holder.ORGANISATION,
                    SAO_MAI, SAO_MAI, RSA_2048, "MST:0312000003", false, true),
            new IdentitySpec("pham-thu-ha", KeyFamily.PUBLIC, Holder.PERSON,
                    "Phạm Thu Hà", SAO_MAI, RSA_2048, "CCCD:001192000103", false, true),
            new IdentitySpec("hoang-duc-minh", KeyFamily.PUBLIC, Holder.PERSON,
                    "Hoàng Đức Minh", SAO_MAI, EC_P256, "CCCD:001088000104", false, true),
            new IdentitySpec("het-han", KeyFamily.PUBLIC, Holder.PERSON,
                    "Ngô Văn Hết Hạn", SAO_MAI, RSA_2048, "CCCD:001075000105", true, true),
            new IdentitySpec("remote-signer", KeyFamily.PUBLIC, Holder.PERSON,
                    "Đặng Thị Từ Xa", SAO_MAI, RSA_2048, "CCCD:001195000106", false, false));
}
