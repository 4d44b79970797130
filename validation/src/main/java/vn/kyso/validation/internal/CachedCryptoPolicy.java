package vn.kyso.validation.internal;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.SubContext;
import eu.europa.esig.dss.model.policy.CryptographicSuite;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * DSS's default ETSI validation policy, with its cryptographic constraints worked out once instead of
 * at every check.
 *
 * <p>{@link EtsiValidationPolicy} answers each "is this algorithm reliable at that date?" question with
 * a new constraint wrapper, which re-reads the policy's algorithm lists and parses every expiry date in
 * them with a {@code SimpleDateFormat}: profiling put that at 15 % of validating a 50-page letter. The
 * wrapper keeps what it worked out, so this policy keeps one wrapper per context and sub-context. The
 * policy file does not change while the service runs, so the answers are the same.
 *
 * <p>The wrapper fills its maps lazily and publishes them before they are complete, so it is not safe
 * for a first use by two threads at once; each one is therefore completed inside
 * {@link ConcurrentHashMap#computeIfAbsent}, before any other thread can see it, and only read after.
 */
final class CachedCryptoPolicy extends EtsiValidationPolicy {

    private final ConcurrentMap<Object, Optional<CryptographicSuite>> suites = new ConcurrentHashMap<>();

    private CachedCryptoPolicy(ConstraintsParameters parameters) {
        super(parameters);
    }

    /** The policy DSS ships as its default ({@code /policy/constraint.xml}). */
    static CachedCryptoPolicy dssDefault() {
        try (InputStream in = EtsiValidationPolicy.class.getResourceAsStream("/policy/constraint.xml")) {
            if (in == null) {
                throw new IllegalStateException("DSS's default validation policy is not on the class path");
            }
            return new CachedCryptoPolicy(ValidationPolicyFacade.newFacade().unmarshall(in));
        } catch (Exception e) {
            throw new IllegalStateException("DSS's default validation policy cannot be read", e);
        }
    }

    @Override
    public CryptographicSuite getSignatureCryptographicConstraint(Context context) {
        return cached(context, () -> super.getSignatureCryptographicConstraint(context));
    }

    @Override
    public CryptographicSuite getCertificateCryptographicConstraint(Context context, SubContext subContext) {
        return cached(List.of(context, subContext),
                () -> super.getCertificateCryptographicConstraint(context, subContext));
    }

    @Override
    public CryptographicSuite getEvidenceRecordCryptographicConstraint() {
        return cached("evidence-record", super::getEvidenceRecordCryptographicConstraint);
    }

    private CryptographicSuite cached(Object key, Supplier<CryptographicSuite> build) {
        return suites.computeIfAbsent(key, k -> {
            CryptographicSuite suite = build.get();
            if (suite != null) {
                // Complete the lazy parts now, while no other thread can see the wrapper.
                suite.getAcceptableDigestAlgorithms();
                suite.getAcceptableSignatureAlgorithms();
            }
            return Optional.ofNullable(suite);
        }).orElse(null);
    }
}
