package vn.kyso.demopki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the demo PKI lives and which SoftHSM2 binaries it uses.
 *
 * @param directory     the PKI's home; created on first use, reused afterwards
 * @param port          the loopback port of the responders, or 0 to choose a free one at generation;
 *                      ignored once the PKI exists, because the port is written into certificates
 * @param pkcs11Library the SoftHSM2 PKCS#11 module
 * @param softhsmUtil   the {@code softhsm2-util} executable (a path, or a name looked up on PATH)
 */
public record DemoPkiSettings(Path directory, int port, String pkcs11Library, String softhsmUtil) {

    public static final String DEFAULT_PKCS11_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String DEFAULT_SOFTHSM_UTIL = "softhsm2-util";

    public DemoPkiSettings {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (pkcs11Library == null || pkcs11Library.isBlank()) {
            throw new IllegalArgumentException("pkcs11Library must be set");
        }
        if (softhsmUtil == null || softhsmUtil.isBlank()) {
            throw new IllegalArgumentException("softhsmUtil must be set");
        }
    }

    /** Settings with a port chosen at generation and the Debian locations of SoftHSM2. */
    public static DemoPkiSettings defaults(Path directory) {
        return new DemoPkiSettings(directory, 0, DEFAULT_PKCS11_LIBRARY, DEFAULT_SOFTHSM_UTIL);
    }

    public DemoPkiSettings withPort(int newPort) {
        return new DemoPkiSettings(directory, newPort, pkcs11Library, softhsmUtil);
    }
}
