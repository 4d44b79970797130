package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.SubContext;
import eu.europa.esig.dss.model.policy.CryptographicSuite;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cached policy answers every cryptographic question as DSS's default policy does, once. */
class CachedCryptoPolicyTest {

    final ValidationPolicy dss = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    final CachedCryptoPolicy cached = CachedCryptoPolicy.dssDefault();

    @Test
    void sameConstraintsAsDssDefaultPolicy() {
        assertThat(cached.getPolicyName()).isEqualTo(dss.getPolicyName());
        int compared = 0;
        for (Context context : Context.values()) {
            compared += sameOrBothRefused(() -> cached.getSignatureCryptographicConstraint(context),
                    () -> dss.getSignatureCryptographicConstraint(context));
            for (SubContext sub : SubContext.values()) {
                compared += sameOrBothRefused(() -> cached.getCertificateCryptographicConstraint(context, sub),
                        () -> dss.getCertificateCryptographicConstraint(context, sub));
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(12);
        same(cached.getEvidenceRecordCryptographicConstraint(), dss.getEvidenceRecordCryptographicConstraint());
    }

    @Test
    void oneSuitePerContextEvenUnderConcurrentFirstUse() throws Exception {
        CachedCryptoPolicy fresh = CachedCryptoPolicy.dssDefault();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CryptographicSuite>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> fresh.getSignatureCryptographicConstraint(Context.SIGNATURE));
            }
            List<CryptographicSuite> got = new ArrayList<>();
            for (Future<CryptographicSuite> f : pool.invokeAll(calls)) {
                got.add(f.get());
            }
            assertThat(got).allSatisfy(s -> assertThat(s).isSameAs(got.get(0)));
            same(got.get(0), dss.getSignatureCryptographicConstraint(Context.SIGNATURE));
        } finally {
            pool.shutdownNow();
        }
        assertThat(fresh.getCertificateCryptographicConstraint(Context.TIMESTAMP, SubContext.CA_CERTIFICATE))
                .isSameAs(fresh.getCertificateCryptographicConstraint(Context.TIMESTAMP, SubContext.CA_CERTIFICATE));
    }

    /** DSS refuses some contexts (evidence records have their own method); then ours must refuse too. */
    private static int sameOrBothRefused(java.util.function.Supplier<CryptographicSuite> ours,
            java.util.function.Supplier<CryptographicSuite> theirs) {
        CryptographicSuite expected;
        try {
            expected = theirs.get();
        } catch (UnsupportedOperationException e) {
            org.assertj.core.api.Assertions.assertThatThrownBy(ours::get)
                    .isInstanceOf(UnsupportedOperationException.class);
            return 0;
        }
        same(ours.get(), expected);
        return 1;
    }

    private static void same(CryptographicSuite ours, CryptographicSuite theirs) {
        if (theirs == null) {
            assertThat(ours).isNull();
            return;
        }
        assertThat(ours.getAcceptableDigestAlgorithms()).isEqualTo(theirs.getAcceptableDigestAlgorithms());
        assertThat(ours.getAcceptableSignatureAlgorithms()).isEqualTo(theirs.getAcceptableSignatureAlgorithms());
        assertThat(ours.getLevel()).isEqualTo(theirs.getLevel());
        assertThat(ours.getCryptographicSuiteUpdateDate()).isEqualTo(theirs.getCryptographicSuiteUpdateDate());
    }
}
