package vn.kyso.demopki;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.kyso.core.KeyFamily;

/**
 * A generated PKI as read back from its {@link PkiStore}. Loading never writes: what was generated
 * is what every later run sees.
 *
 * @param tokenSerials the serial numbers of the tokens made at generation, by token label; a token
 *                     with the same label but another serial belongs to some other generation
 */
record PkiContents(
        int port,
        Map<CaId, CertificateAuthority> cas,
        TimeStampAuthority.KeyAndChain tsa,
        List<DemoIdentity> identities,
        Map<String, String> tokenSerials) {

    static Map<String, String> tokenSerials(PkiStore store) {
        Properties properties = store.readProperties(store.properties());
        Map<String, String> serials = new HashMap<>();
        for (KeyFamily family : KeyFamily.values()) {
            String label = DemoPki.tokenLabelOf(family);
            String serial = properties.getProperty("token." + label + ".serial");
            if (serial != null) {
                serials.put(label, serial);
            }
        }
        return serials;
    }

    static PkiContents load(PkiStore store) {
        Properties properties = store.readProperties(store.properties());
        String port = properties.getProperty("port");
        if (port == null) {
            throw new IllegalStateException("no port in " + store.properties());
        }
        char[] password = store.readSecret(store.keyStorePasswordFile()).toCharArray();

        Map<CaId, CertificateAuthority> cas = new EnumMap<>(CaId.class);
        for (CaId id : CaId.values()) {
            KeyStore.PrivateKeyEntry entry = store.readKeyStore(store.caKeyStore(id), id.id(), password);
            cas.put(id, new CertificateAuthority(id, (X509Certificate) entry.getCertificate(), entry.getPrivateKey()));
        }
        KeyStore.PrivateKeyEntry tsaEntry =
                store.readKeyStore(store.tsaKeyStore(), PkiGenerator.TSA_ALIAS, password);
        TimeStampAuthority.KeyAndChain tsa =
                new TimeStampAuthority.KeyAndChain(tsaEntry.getPrivateKey(), x509(tsaEntry.getCertificateChain()));

        List<DemoIdentity> identities = new ArrayList<>();
        for (IdentitySpec spec : IdentitySpec.ALL) {
            List<X509Certificate> chain = store.readPem(store.identityChain(spec.alias()));
            String tokenLabel = DemoPki.tokenLabelOf(spec.family());
            identities.add(new DemoIdentity(spec.alias(), spec.family(), spec.holder(), spec.displayName(),
                    spec.organisation(), tokenLabel, spec.alias(), spec.keyAlgorithm(), store.image(spec.alias()),
                    chain.get(0), chain, spec.inToken()));
        }
        return new PkiContents(Integer.parseInt(port), Map.copyOf(cas), tsa, List.copyOf(identities),
                Map.copyOf(tokenSerials(store)));
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }
}
