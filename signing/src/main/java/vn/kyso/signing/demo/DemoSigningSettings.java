package vn.kyso.signing.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.RsaSignatureScheme;
import vn.kyso.signing.SigningSettings;

/**
 * Maps the demo PKI onto signing settings: one HSM configuration per family (two SoftHSM2 tokens),
 * each with its keys, images and trust anchors, and the demo TSA. Exactly what an operator writes in
 * {@code kyso.signing.*} for real HSMs.
 */
public final class DemoSigningSettings {

    private DemoSigningSettings() {
    }

    /**
     * The demo's key sets as the demo runs them: the specialised (chuyên dùng công vụ) set signs with
     * RSASSA-PSS, which Circular 15/2025's standards table names, the public set with PKCS#1 v1.5.
     */
    public static SigningSettings from(DemoPki pki, Path fontFile) {
        return from(pki, fontFile, RsaSignatureScheme.RSASSA_PSS);
    }

    /** The demo's key sets with the given RSA scheme for the specialised set. */
    public static SigningSettings from(DemoPki pki, Path fontFile, RsaSignatureScheme specialised) {
        List<HsmSettings> hsms = new ArrayList<>();
        for (KeyFamily family : KeyFamily.values()) {
            List<HsmSettings.KeySettings> keys = new ArrayList<>();
            for (DemoIdentity id : pki.identities()) {
                if (id.family() == family && id.inToken()) {
                    keys.add(new HsmSettings.KeySettings(id.alias(), id.keyLabel(), id.appearanceImage(),
                            id.holder() == DemoIdentity.Holder.PERSON ? KeyInfo.KeyHolder.PERSON
                                    : KeyInfo.KeyHolder.ORGANISATION, null));
                }
            }
            hsms.add(new HsmSettings(family.name().toLowerCase(), family, Path.of(pki.pkcs11Library()),
                    pki.tokenLabel(family), null, new HsmSettings.PinSource(null, pki.pinFile(family)), keys,
                    pki.trustAnchorsPem(family),
                    family == KeyFamily.SPECIALISED ? specialised : RsaSignatureScheme.PKCS1_V1_5));
        }
        // exactly the demo responders' origin (127.0.0.1 and their port), not loopback in general
        return new SigningSettings(hsms, pki.tsaUrl(), fontFile, null, 0, null, null, null,
                FetchSettings.defaults().withAllowed(List.of(pki.baseUri())));
    }
}
