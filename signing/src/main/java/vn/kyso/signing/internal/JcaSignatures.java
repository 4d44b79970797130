package vn.kyso.signing.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * JCA {@link Signature} objects for the algorithm names DSS gives ({@code SignatureAlgorithm#getJCEId}).
 * DSS names RSASSA-PSS {@code SHA256withRSAandMGF1}, a BouncyCastle name that neither SunPKCS11 nor
 * SunRsaSign knows; both know {@code RSASSA-PSS} with explicit parameters, which also pins the salt
 * length (the digest's length, as RFC 8017 recommends and ETSI TS 119 312 expects) rather than leaving
 * it to a provider default.
 */
final class JcaSignatures {

    private static final String PSS_SUFFIX = "withRSAandMGF1";

    private JcaSignatures() {
    }

    /** @param provider the provider to use, or null for the platform's preference order */
    static Signature forSigning(String jcaAlgorithm, Provider provider) throws GeneralSecurityException {
        if (!jcaAlgorithm.endsWith(PSS_SUFFIX)) {
            return provider == null ? Signature.getInstance(jcaAlgorithm) : Signature.getInstance(jcaAlgorithm, provider);
        }
        PSSParameterSpec parameters = pss(jcaAlgorithm.substring(0, jcaAlgorithm.length() - PSS_SUFFIX.length()));
        Signature signature = provider == null ? Signature.getInstance("RSASSA-PSS")
                : Signature.getInstance("RSASSA-PSS", provider);
        signature.setParameter(parameters);
        return signature;
    }

    /** PSS with MGF1 over the same digest and a salt as long as the digest; trailer field 1 (0xBC). */
    static PSSParameterSpec pss(String digest) throws GeneralSecurityException {
        return switch (digest) {
            case "SHA256" -> new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
            case "SHA384" -> new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);
            case "SHA512" -> new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1);
            default -> throw new java.security.NoSuchAlgorithmException("no RSASSA-PSS with " + digest);
        };
    }
}
