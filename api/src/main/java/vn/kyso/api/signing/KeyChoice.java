package vn.kyso.api.signing;

import java.time.Instant;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.KeyInfo;

/**
 * A signing key as a key picker shows it: whose it is by name, position and organisation, read from the
 * certificate's subject, never the citizen-ID number (CCCD) that Vietnamese certificates carry in the
 * subject's UID or serialNumber. The whole subject stays in {@code subject} for integrators.
 *
 * @param name         the holder's name (the subject's CN)
 * @param position     the holder's position (the subject's title, T), or null when the certificate has none
 * @param organisation the organisation the certificate names (O, else OU), or null
 * @param validNow     whether the certificate is in its validity period now
 */
record KeyChoice(
        String id,
        KeyFamily family,
        KeyInfo.KeyHolder holder,
        String name,
        String position,
        String organisation,
        boolean validNow,
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String algorithm,
        boolean available) {

    private static final String TITLE_OID = "2.5.4.12";

    static KeyChoice of(KeyInfo key, Instant now) {
        String name = null;
        String position = null;
        String organisation = null;
        String unit = null;
        try {
            for (Rdn rdn : new LdapName(key.subject() == null ? "" : key.subject()).getRdns()) {
                String type = rdn.getType().toUpperCase(Locale.ROOT);
                String value = rdn.getValue() instanceof String s ? s : null;
                switch (type) {
                    case "CN" -> name = value;
                    case "T", "TITLE", TITLE_OID -> position = value;
                    case "O" -> organisation = value;
                    case "OU" -> unit = value;
                    default -> {
                        // UID and SERIALNUMBER hold the CCCD or tax code: never shown in a picker.
                    }
                }
            }
        } catch (InvalidNameException e) {
            // Not an RFC 4514 name: the picker falls back on the key's id below.
        }
        boolean validNow = key.notBefore() != null && key.notAfter() != null && !now.isBefore(key.notBefore())
                && now.isBefore(key.notAfter());
        return new KeyChoice(key.id(), key.family(), key.holder(), name != null ? name : key.id(), position,
                organisation != null ? organisation : unit, validNow, key.subject(), key.issuer(),
                key.serialNumber(), key.notBefore(), key.notAfter(), key.algorithm(), key.available());
    }
}
