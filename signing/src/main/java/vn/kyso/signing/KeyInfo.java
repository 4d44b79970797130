package vn.kyso.signing;

import java.time.Instant;
import vn.kyso.core.KeyFamily;

/**
 * A signing key as clients see it: never the key itself, only its certificate's facts.
 *
 * @param id        the key's identifier in requests
 * @param holder    whether the certificate names a person or an organisation
 * @param algorithm for example "RSA-2048" or "EC-P256"
 * @param available false while its HSM cannot be reached
 */
public record KeyInfo(
        String id,
        KeyFamily family,
        KeyHolder holder,
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String algorithm,
        boolean available) {

    /** Who a certificate was issued to. */
    public enum KeyHolder { PERSON, ORGANISATION }
}
