package vn.kyso.signing;

import java.nio.file.Path;
import java.time.Clock;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;
import vn.kyso.signing.demo.DemoSigningSettings;
import vn.kyso.signing.internal.DssSigningService;

/** One signing service over the shared demo PKI and its SoftHSM2 tokens, per test JVM. */
public final class SigningFixture {

    public static final Path FONT = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");

    private static DssSigningService service;

    private SigningFixture() {
    }

    public static DemoPki pki() {
        return DemoPkiFixture.shared();
    }

    public static synchronized DssSigningService service() {
        if (service == null) {
            service = newService();
        }
        return service;
    }

    /** A service with its own caches, for tests that must not see cached revocation data. */
    public static DssSigningService newService() {
        return new DssSigningService(settings(), Clock.systemUTC());
    }

    /**
     * The demo's key sets with PKCS#1 v1.5 for every RSA key, as the tests written before RSASSA-PSS expect
     * (their checkers include xmlsec1 1.2 and xml-crypto, which know no PSS); the demo as run signs with PSS in
     * the specialised set, which {@link #pssSettings()} gives.
     */
    public static SigningSettings settings() {
        return DemoSigningSettings.from(pki(), FONT, RsaSignatureScheme.PKCS1_V1_5);
    }

    /** The demo's key sets as the demo runs them: RSASSA-PSS in the specialised (chuyên dùng công vụ) set. */
    public static SigningSettings pssSettings() {
        return DemoSigningSettings.from(pki(), FONT);
    }

    /** A service signing as the demo runs (RSASSA-PSS in the specialised set); the caller closes it. */
    public static DssSigningService newPssService() {
        return new DssSigningService(pssSettings(), Clock.systemUTC());
    }
}
