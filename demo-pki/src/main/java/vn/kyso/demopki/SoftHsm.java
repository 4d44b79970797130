package vn.kyso.demopki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SoftHSM2 installation: its configuration file, the {@code softhsm2-util} tool and SunPKCS11
 * providers for its slots.
 *
 * <p>SunPKCS11 in JDK 17 cannot select a token by label, only by slot id or slot index, and SoftHSM2
 * gives an initialised token a slot id derived from its serial number. The slot is therefore looked
 * up by label in the output of {@code softhsm2-util --show-slots} whenever it is needed.
 */
final class SoftHsm {

    static final String CONF_VARIABLE = "SOFTHSM2_CONF";

    private static final Pattern SLOT_LINE = Pattern.compile("^Slot (\\d+)\\s*$");
    private static final Pattern FIELD_LINE = Pattern.compile("^\\s+(Serial number|Label|Initialized):\\s*(.*?)\\s*$");
    private static final long TIMEOUT_SECONDS = 120;

    private final String util;
    private final String library;
    private final Path conf;

    SoftHsm(String util, String library, Path conf) {
        this.util = util;
        this.library = library;
        this.conf = conf;
    }

    /** An initialised token as softhsm2-util lists it. */
    record TokenSlot(long slotId, String serial, String label) { }

    /**
     * The configuration file named by SOFTHSM2_CONF, created with a token directory beside it when
     * missing. The variable cannot be set from Java: the library reads it once, when it is loaded.
     */
    static Path configuredConf() {
        String value = System.getenv(CONF_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(CONF_VARIABLE + " is not set. The SoftHSM2 library reads its"
                    + " configuration from this environment variable when it is first loaded, so it must be set"
                    + " before the JVM starts, e.g. export " + CONF_VARIABLE + "=$PWD/target/softhsm/softhsm2.conf"
                    + " (Maven surefire sets it for tests). The file is created if it does not exist.");
        }
        Path conf = Path.of(value).toAbsolutePath().normalize();
        try {
            Path tokenDir;
            if (Files.exists(conf)) {
                tokenDir = tokenDirOf(conf);
            } else {
                tokenDir = conf.resolveSibling("tokens");
                Files.createDirectories(conf.getParent());
                String text = "# Written by the Kyso demo PKI.\n"
                        + "directories.tokendir = " + tokenDir + "\n"
                        + "objectstore.backend = file\n"
                        + "log.level = ERROR\n"
                        + "slots.removable = false\n";
                // Another JVM may be creating the same file: write aside, then move into place.
                Path temp = Files.createTempFile(conf.getParent(), "softhsm2", ".conf");
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, conf, StandardCopyOption.ATOMIC_MOVE);
            }
            if (tokenDir != null) {
                // SoftHSM2 refuses to start when the token directory is missing.
                Files.createDirectories(tokenDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the SoftHSM2 configuration " + conf, e);
        }
        return conf;
    }

    private static Path tokenDirOf(Path conf) throws IOException {
        for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("directories.tokendir")) {
                int eq = trimmed.indexOf('=');
                if (eq > 0) {
                    return Path.of(trimmed.substring(eq + 1).strip());
                }
            }
        }
        return null;
    }

    Path conf() {
        return conf;
    }

    List<TokenSlot> initialisedTokens() {
        String output = run(List.of(util, "--show-slots"));
        List<TokenSlot> tokens = new ArrayList<>();
        Long slot = null;
        String serial = null;
        String label = null;
        boolean initialised = false;
        for (String line : output.split("\n")) {
            Matcher slotMatch = SLOT_LINE.matcher(line);
            if (slotMatch.matches()) {
                addIfInitialised(tokens, slot, serial, label, initialised);
                slot = Long.parseLong(slotMatch.group(1));
                serial = null;
                label = null;
                initialised = false;
                continue;
            }
            Matcher field = FIELD_LINE.matcher(line);
            if (slot != null && field.matches()) {
                switch (field.group(1)) {
                    case "Serial number" -> serial = field.group(2);
                    case "Label" -> label = field.group(2);
                    default -> initialised = "yes".equals(field.group(2));
                }
            }
        }
        addIfInitialised(tokens, slot, serial, label, initialised);
        return tokens;
    }

    private static void addIfInitialised(List<TokenSlot> tokens, Long slot, String serial, String label,
                                         boolean initialised) {
        if (slot != null && initialised && label != null) {
            tokens.add(new TokenSlot(slot, serial, label));
        }
    }

    /** The token with this label; empty if none, an exception if the label is ambiguous. */
    Optional<TokenSlot> findToken(String label) {
        List<TokenSlot> matches = initialisedTokens().stream().filter(t -> t.label().equals(label)).toList();
        if (matches.size() > 1) {
            throw new IllegalStateException("several SoftHSM2 tokens are labelled " + label + " in " + conf);
        }
        return matches.stream().findFirst();
    }

    TokenSlot initToken(String label, String soPin, String userPin) {
        // softhsm2-util reads PINs only from its arguments or a terminal; the process is short-lived.
        run(List.of(util, "--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", userPin));
        return findToken(label).orElseThrow(() ->
                new IllegalStateException("softhsm2-util initialised token " + label + " but does not list it"));
    }

    /** Deletes every token with this label, including duplicates left by interrupted runs. */
    void deleteTokens(String label) {
        for (int attempt = 0; attempt < 50 && hasToken(label); attempt++) {
            run(List.of(util, "--delete-token", "--token", label));
        }
    }

    private boolean hasToken(String label) {
        return initialisedTokens().stream().anyMatch(t -> t.label().equals(label));
    }

    /**
     * A new SunPKCS11 provider for one slot. It is not registered with {@link Security}; callers pass
     * it to {@code KeyStore.getInstance("PKCS11", provider)}.
     *
     * @param extraConfig further SunPKCS11 configuration lines, for example attribute templates
     */
    Provider provider(String name, long slotId, String extraConfig) {
        Provider prototype = Security.getProvider("SunPKCS11");
        if (prototype == null) {
            throw new IllegalStateException("this JDK has no SunPKCS11 provider");
        }
        String config = "--name = " + name + "\n"
                + "library = " + library + "\n"
                + "slot = " + slotId + "\n"
                + extraConfig;
        try {
            return prototype.configure(config);
        } catch (ProviderException e) {
            if (String.valueOf(e.getCause()).contains("CKR_SLOT_ID_INVALID")) {
                throw new IllegalStateException("SoftHSM2 has no slot " + slotId + " in this JVM. The library sees"
                        + " only the tokens that existed when it was first loaded into the process, so a token"
                        + " created after any SunPKCS11 provider for " + library + " stays invisible until the JVM"
                        + " restarts. Create or load the demo PKI before opening PKCS#11 providers (tests: call"
                        + " DemoPkiFixture.shared() first), or restart the JVM.", e);
            }
            throw e;
        }
    }

    private String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(CONF_VARIABLE, conf.toString());
        // The action is named in errors, never the arguments: they may contain PINs.
        String action = command.size() > 1 ? command.get(1) : command.get(0);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(util + " " + action + " did not finish in time");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(util + " " + action + " failed with exit code "
                        + process.exitValue() + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + util + " " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + util + " " + action, e);
        }
    }
}
