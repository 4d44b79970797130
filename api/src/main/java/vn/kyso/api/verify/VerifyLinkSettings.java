package vn.kyso.api.verify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public verification links, under {@code kyso.verify}.
 *
 * @param linkKey the key of the tokens that links to issuer-chosen document identifiers carry: at least 32
 *                bytes, base64; from the environment ({@code KYSO_VERIFY_LINK_KEY}), the same on every
 *                instance and kept for as long as printed codes must work. Without it a random key is made at
 *                start, so tokens printed before a restart stop opening the lookup (the upload comparison
 *                still works): fine for a demo, never for service.
 */
@ConfigurationProperties("kyso.verify")
public record VerifyLinkSettings(String linkKey) {
}
