package vn.kyso.demopki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import vn.kyso.core.KeyFamily;

/**
 * The on-disk layout of a generated PKI. Keys are PKCS#12 files protected by one random password;
 * secrets (that password and the token PINs) are files readable only by their owner.
 */
final class PkiStore {

    private static final String MARKER = ".complete";
    /** Everything this class writes, so that a wipe never touches files it did not create. */
    private static final List<String> OWN_ENTRIES = List.of(
            MARKER, "pki.properties", "revocations.properties", "secrets", "ca", "tsa", "identities", "trust",
            "images");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    PkiStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    boolean isComplete() {
        return Files.isRegularFile(root.resolve(MARKER));
    }

    /** Written last by generation: without it, the directory is a leftover of an interrupted run. */
    void markComplete() {
        write(root.resolve(MARKER), "complete\n");
    }

    void wipe() {
        for (String entry : OWN_ENTRIES) {
            deleteRecursively(root.resolve(entry));
        }
    }

    Path properties() {
        return root.resolve("pki.properties");
    }

    Path revocations() {
        return root.resolve("revocations.properties");
    }

    Path keyStorePasswordFile() {
        return root.resolve("secrets/keystore-password");
    }

    Path userPinFile(KeyFamily family) {
        return root.resolve("secrets/" + DemoPki.tokenLabelOf(family) + ".user-pin");
    }

    Path soPinFile(KeyFamily family) {
        return root.resolve("secrets/" + DemoPki.tokenLabelOf(family) + ".so-pin");
    }

    Path caKeyStore(CaId ca) {
        return root.resolve("ca/" + ca.id() + ".p12");
    }

    Path caCertificate(CaId ca) {
        return root.resolve("ca/" + ca.id() + ".pem");
    }

    Path tsaKeyStore() {
        return root.resolve("tsa/tsa.p12");
    }

    Path tsaChain() {
        return root.resolve("tsa/tsa-chain.pem");
    }

    /** The identity's chain, end-entity first. */
    Path identityChain(String alias) {
        return root.resolve("identities/" + alias + ".pem");
    }

    Path identityKeyStore(String alias) {
        return root.resolve("identities/" + alias + ".p12");
    }

    Path trustAnchors(KeyFamily family) {
        return root.resolve("trust/" + family.name().toLowerCase(Locale.ROOT) + "-root.pem");
    }

    Path image(String alias) {
        return root.resolve("images/" + alias + ".png");
    }

    static String randomSecret(int length) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Creates the file with owner-only permissions before any byte of the secret is written. */
    void writeSecret(Path file, String secret) {
        try {
            createDirectory(file.getParent(), true);
            Files.deleteIfExists(file);
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + file.getFileName(), e);
        }
    }

    String readSecret(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(String::strip)
                    .orElseThrow(() -> new IllegalStateException("secret file is empty: " + file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + file.getFileName(), e);
        }
    }

    void writeKeyStore(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            keyStore.store(encoded, password);
            write(file, encoded.toByteArray(), OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write key store " + file, e);
        }
    }

    KeyStore.PrivateKeyEntry readKeyStore(Path file, String alias, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            KeyStore.Entry entry = keyStore.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.PrivateKeyEntry privateKeyEntry)) {
                throw new IllegalStateException("no private key " + alias + " in " + file);
            }
            return privateKeyEntry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key store " + file, e);
        }
    }

    void writePem(Path file, List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                pem.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode certificates for " + file, e);
        }
        write(file, text.toString());
    }

    List<X509Certificate> readPem(Path file) {
        // The JDK's certificate parser reads a byte at a time: from the file itself that is a read call per
        // byte (about 5,800 per chain at start-up), so the file is read whole first.
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in " + file);
            }
            return List.copyOf(certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot parse certificates in " + file, e);
        }
    }

    Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    /** Replaces the file atomically, so a crash never leaves half a state file behind. */
    void writeProperties(Path file, Properties properties, String comment) {
        StringWriter text = new StringWriter();
        try (Writer writer = text) {
            properties.store(writer, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file, e);
        }
        write(file, text.toString());
    }

    void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Public material: certificates, images, state. */
    void write(Path file, byte[] bytes) {
        write(file, bytes, WORLD_READABLE);
    }

    private void write(Path file, byte[] bytes, Set<PosixFilePermission> permissions) {
        try {
            createDirectory(file.getParent(), false);
            // A temporary file starts readable by its owner only; it is opened up, if at all, before the move.
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(temp, bytes);
            if (POSIX) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectory(Path directory, boolean ownerOnly) throws IOException {
        Files.createDirectories(directory);
        if (ownerOnly && POSIX) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
