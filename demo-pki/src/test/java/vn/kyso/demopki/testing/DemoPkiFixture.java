package vn.kyso.demopki.testing;

import java.nio.file.Path;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.DemoPkiSettings;

/**
 * The demo PKI shared by all tests of a JVM. SoftHSM2 sees only tokens that existed when the library
 * was first loaded into the process, so the tokens are created here, before any test opens a
 * SunPKCS11 provider; tests must not create demo PKIs of their own in the same SoftHSM2 configuration.
 *
 * <p>The PKI lives in {@code ${kyso.test.workdir}/demo-pki} (surefire sets the property to
 * {@code target/test-work}) and survives between builds until {@code target} is cleaned.
 */
public final class DemoPkiFixture {

    private static DemoPki shared;

    private DemoPkiFixture() {
    }

    /** The PKI with its responders running; created or loaded on the first call, closed at JVM exit. */
    public static synchronized DemoPki shared() {
        if (shared == null) {
            Path directory = Path.of(System.getProperty("kyso.test.workdir", "target/test-work"), "demo-pki");
            DemoPki pki = DemoPki.createOrLoad(DemoPkiSettings.defaults(directory)).startResponders();
            Runtime.getRuntime().addShutdownHook(new Thread(pki::close, "demo-pki-shutdown"));
            shared = pki;
        }
        return shared;
    }
}
