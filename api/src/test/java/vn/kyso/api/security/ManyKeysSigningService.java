package vn.kyso.api.security;

import java.time.Instant;
import java.util.List;
import vn.kyso.api.FakeSigningService;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.KeyInfo;

/** The fake signer with the keys of several owners: an organisation, two persons, one nobody owns. */
class ManyKeysSigningService extends FakeSigningService {

    static final String UBND_KEY = "ubnd-binh-an";
    static final String NGOC_KEY = "tran-thi-bich-ngoc";
    static final String AN_KEY = "nguyen-van-an";
    static final String ORPHAN_KEY = "khong-chu";

    @Override
    public List<KeyInfo> keys() {
        return List.of(key(UBND_KEY, KeyInfo.KeyHolder.ORGANISATION), key(NGOC_KEY, KeyInfo.KeyHolder.PERSON),
                key(AN_KEY, KeyInfo.KeyHolder.PERSON), key(ORPHAN_KEY, KeyInfo.KeyHolder.ORGANISATION));
    }

    private static KeyInfo key(String id, KeyInfo.KeyHolder holder) {
        return new KeyInfo(id, KeyFamily.SPECIALISED, holder, "CN=" + id + ", C=VN", "CN=CA, C=VN", "0a",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z"), "RSA-2048", true);
    }
}
