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

    public static SigningSettings settings() {
        return DemoSigningSettings.from(pki(), FONT);
    }
}
