package vn.kyso.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.kyso.access.AccessGrants;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings.ApiKey;
import vn.kyso.access.SecuritySettings.KeyOwner;

/**
 * Access to the demo PKI's keys when the demo runs with access control on: each person's key is theirs
 * (a SIGNER), each organisation's key its clerks' (the organisation's id is its agency code where the
 * exchange names its key, so the same clerk may sign and exchange for it; else the key's alias), plus an
 * archivist, an auditor, the exchange gateway and an administrator. Fresh secrets at every start, written
 * to one file only its owner may read, never to the log.
 */
final class DemoAccess {

    /** What the demo needs of an identity. */
    record Holder(String alias, boolean person, String organisationName) {
    }

    /** One demo principal and the secret to send as X-Kyso-Api-Key. */
    record Grant(String principal, String organisation, Set<Role> roles, String secret) {
    }

    private final List<Grant> grants;
    private final Map<String, KeyOwner> owners;

    private DemoAccess(List<Grant> grants, Map<String, KeyOwner> owners) {
        this.grants = grants;
        this.owners = owners;
    }

    static DemoAccess of(List<Holder> holders, SecureRandom random) {
        return of(holders, Map.of(), random);
    }

    /** @param agencyCodes organisation key alias → the agency code the exchange sends and receives for */
    static DemoAccess of(List<Holder> holders, Map<String, String> agencyCodes, SecureRandom random) {
        Map<String, String> organisationIds = new LinkedHashMap<>();
        holders.stream().filter(h -> !h.person()).forEach(h -> organisationIds.put(h.organisationName(),
                agencyCodes.getOrDefault(h.alias(), h.alias())));
        Map<String, KeyOwner> owners = new LinkedHashMap<>();
        List<Grant> grants = new ArrayList<>();
        for (Holder h : holders) {
            String organisation = organisationIds.get(h.organisationName());
            if (h.person()) {
                owners.put(h.alias(), KeyOwner.person(h.alias()));
                grants.add(new Grant(h.alias(), organisation, EnumSet.of(Role.SIGNER), secret(random)));
            } else {
                String id = agencyCodes.getOrDefault(h.alias(), h.alias());
                owners.put(h.alias(), KeyOwner.organisation(id));
                grants.add(new Grant("van-thu-" + h.alias(), id, EnumSet.of(Role.CLERK), secret(random)));
            }
        }
        String home = holders.stream().filter(h -> !h.person()).map(h -> organisationIds.get(h.organisationName()))
                .findFirst().orElse(null);
        grants.add(new Grant("luu-tru-vien", home, EnumSet.of(Role.ARCHIVIST), secret(random)));
        grants.add(new Grant("thanh-tra", home, EnumSet.of(Role.AUDITOR), secret(random)));
        grants.add(new Grant("truc-lien-thong", home, EnumSet.of(Role.EXCHANGE_SYSTEM), secret(random)));
        grants.add(new Grant("quan-tri", home, EnumSet.of(Role.ADMINISTRATOR), secret(random)));
        return new DemoAccess(List.copyOf(grants), owners);
    }

    List<Grant> grants() {
        return grants;
    }

    AccessGrants accessGrants() {
        List<ApiKey> keys = grants.stream()
                .map(g -> new ApiKey("demo-" + g.principal(), sha256Hex(g.secret()), g.principal(), g.organisation(),
                        g.roles()))
                .toList();
        return new AccessGrants(keys, owners);
    }

    /** One line per principal: secret, principal, roles, organisation. Readable by the owner only. */
    void write(Path file) {
        StringBuilder text = new StringBuilder("# Demo API keys, new at every start. Send one as: curl -H "
                + "'X-Kyso-Api-Key: <secret>' …\n# secret\tprincipal\troles\torganisation\n");
        for (Grant g : grants) {
            text.append(g.secret()).append('\t').append(g.principal()).append('\t').append(g.roles()).append('\t')
                    .append(g.organisation() == null ? "-" : g.organisation()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo API keys to " + file, e);
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "kyso-demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
