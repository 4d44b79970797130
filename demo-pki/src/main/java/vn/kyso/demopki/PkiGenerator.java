package vn.kyso.demopki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.core.KeyFamily;

/**
 * Generates a whole PKI into a {@link PkiStore}: CAs, TSA, identities, images and tokens. The store's
 * completion marker is written last, so an interrupted run is recognised and redone from scratch.
 */
final class PkiGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(PkiGenerator.class);
    private static final String CA_KEY = "RSA-3072";
    static final String TSA_ALIAS = "tsa";

    private final PkiStore store;
    private final SoftHsm softHsm;
    private final int requestedPort;

    PkiGenerator(PkiStore store, SoftHsm softHsm, int requestedPort) {
        this.store = store;
        this.softHsm = softHsm;
        this.requestedPort = requestedPort;
    }

    void generate() {
        LOG.info("Generating the demo PKI in {}", store.root());
        store.wipe();
        for (KeyFamily family : KeyFamily.values()) {
            softHsm.deleteTokens(DemoPki.tokenLabelOf(family));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int port = requestedPort != 0 ? requestedPort : choosePort();
        CertificateIssuer issuer = new CertificateIssuer(URI.create("http://127.0.0.1:" + port), now);
        String password = PkiStore.randomSecret(32);
        store.writeSecret(store.keyStorePasswordFile(), password);

        Map<CaId, CertificateAuthority> cas = generateCas(issuer, password.toCharArray());
        generateTsa(issuer, cas.get(CaId.SPECIALISED_CA), cas, password.toCharArray());
        Map<String, KeyPair> tokenKeys = new LinkedHashMap<>();
        Map<String, List<X509Certificate>> chains = new LinkedHashMap<>();
        for (IdentitySpec spec : IdentitySpec.ALL) {
            KeyPair keys = CertificateIssuer.generateKeyPair(spec.keyAlgorithm());
            CertificateAuthority ca = cas.get(CaId.issuing(spec.family()));
            List<X509Certificate> chain = List.of(issuer.endEntity(spec, keys.getPublic(), ca),
                    ca.certificate(), cas.get(CaId.root(spec.family())).certificate());
            store.writePem(store.identityChain(spec.alias()), chain);
            if (spec.inToken()) {
                tokenKeys.put(spec.alias(), keys);
                chains.put(spec.alias(), chain);
            } else {
                store.writeKeyStore(store.identityKeyStore(spec.alias()), spec.alias(), keys.getPrivate(), chain,
                        password.toCharArray());
            }
            store.write(store.image(spec.alias()), spec.holder() == DemoIdentity.Holder.PERSON
                    ? AppearanceImages.signature(spec.displayName())
                    : AppearanceImages.seal(spec.organisation()));
        }

        Map<KeyFamily, SoftHsm.TokenSlot> tokens = createTokens();
        importKeys(tokens, tokenKeys, chains);

        Properties properties = new Properties();
        properties.setProperty("format", "1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("generated", now.toString());
        tokens.forEach((family, token) ->
                properties.setProperty("token." + token.label() + ".serial", token.serial()));
        store.writeProperties(store.properties(), properties, "Kyso demo PKI");
        store.markComplete();
        LOG.info("Demo PKI generated; responders will listen on 127.0.0.1:{}", port);
    }

    private Map<CaId, CertificateAuthority> generateCas(CertificateIssuer issuer, char[] password) {
        Map<CaId, CertificateAuthority> cas = new EnumMap<>(CaId.class);
        for (CaId id : CaId.values()) {
            KeyPair keys = CertificateIssuer.generateKeyPair(CA_KEY);
            X509Certificate certificate = id.isRoot()
                    ? issuer.root(id, keys)
                    : issuer.subordinate(id, keys.getPublic(), cas.get(id.issuer()));
            List<X509Certificate> chain = id.isRoot()
                    ? List.of(certificate) : List.of(certificate, cas.get(id.issuer()).certificate());
            store.writeKeyStore(store.caKeyStore(id), id.id(), keys.getPrivate(), chain, password);
            store.writePem(store.caCertificate(id), List.of(certificate));
            if (id.isRoot()) {
                store.writePem(store.trustAnchors(id.family()), List.of(certificate));
            }
            cas.put(id, new CertificateAuthority(id, certificate, keys.getPrivate()));
        }
        return cas;
    }

    private void generateTsa(CertificateIssuer issuer, CertificateAuthority ca, Map<CaId, CertificateAuthority> cas,
                             char[] password) {
        KeyPair keys = CertificateIssuer.generateKeyPair(IdentitySpec.RSA_2048);
        List<X509Certificate> chain = List.of(issuer.timeStampingAuthority(keys.getPublic(), ca), ca.certificate(),
                cas.get(ca.id().issuer()).certificate());
        store.writeKeyStore(store.tsaKeyStore(), TSA_ALIAS, keys.getPrivate(), chain, password);
        store.writePem(store.tsaChain(), chain);
    }

    /** All tokens exist before the first SunPKCS11 provider, which may not notice tokens created later. */
    private Map<KeyFamily, SoftHsm.TokenSlot> createTokens() {
        Map<KeyFamily, SoftHsm.TokenSlot> tokens = new EnumMap<>(KeyFamily.class);
        for (KeyFamily family : KeyFamily.values()) {
            String userPin = PkiStore.randomSecret(16);
            String soPin = PkiStore.randomSecret(16);
            store.writeSecret(store.userPinFile(family), userPin);
            store.writeSecret(store.soPinFile(family), soPin);
            tokens.put(family, softHsm.initToken(DemoPki.tokenLabelOf(family), soPin, userPin));
        }
        return tokens;
    }

    private void importKeys(Map<KeyFamily, SoftHsm.TokenSlot> tokens, Map<String, KeyPair> keys,
                            Map<String, List<X509Certificate>> chains) {
        TokenImporter importer = new TokenImporter(softHsm);
        for (KeyFamily family : KeyFamily.values()) {
            SoftHsm.TokenSlot token = tokens.get(family);
            char[] pin = store.readSecret(store.userPinFile(family)).toCharArray();
            List<String> aliases = new ArrayList<>();
            for (IdentitySpec spec : IdentitySpec.ALL) {
                if (spec.family() == family && spec.inToken()) {
                    importer.importKey(token, pin, spec.alias(), keys.get(spec.alias()).getPrivate(),
                            chains.get(spec.alias()));
                    aliases.add(spec.alias());
                }
            }
            importer.verify(token, pin, aliases);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), where outgoing connections would
     * otherwise keep taking it; the port must stay free for every later run.
     */
    private static int choosePort() {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + random.nextInt(12000);
            if (isFree(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
