package vn.kyso.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The one rule for every outbound fetch the service makes because of a document: certificates (AIA
 * caIssuers), OCSP, CRLs, time-stamps and signature-policy documents. The URLs come from certificates
 * inside uploaded files, that is from strangers, so by default nothing is fetched except from the
 * origins the operator trusts: those the trust anchors name themselves plus a configured allow-list.
 *
 * <p>Three checks, each where it cannot be bypassed: the URL's origin before connecting
 * ({@link #admit}); the addresses the host resolves to, inside the HTTP client's DNS resolver, so that
 * the address checked is the address connected to (no DNS rebinding) ({@link #resolve}); and a per-request
 * budget of fetches and time ({@link #open}). Loopback, private, link-local (cloud metadata), unspecified
 * and multicast addresses are refused after resolution unless the allow-list names that very IP literal
 * with its port, which is how the demo PKI's responders on 127.0.0.1 stay reachable and nothing else on
 * loopback does. Redirects are never followed (the HTTP clients turn them off).
 */
public final class OutboundPolicy {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private final Set<String> origins;
    private final Set<String> literalHosts;
    private final FetchSettings settings;

    private OutboundPolicy(Set<String> origins, FetchSettings settings) {
        this.origins = Set.copyOf(origins);
        Set<String> literals = new LinkedHashSet<>();
        for (String origin : origins) {
            String host = URI.create(origin).getHost();
            if (isIpLiteral(host)) {
                literals.add(bare(host));
            }
        }
        this.literalHosts = Set.copyOf(literals);
        this.settings = settings;
    }

    /**
     * @param anchors  trust anchors whose own OCSP, CA-issuer and CRL URLs are allowed
     * @param settings the allow-list and bounds
     */
    public static OutboundPolicy of(Collection<X509Certificate> anchors, FetchSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Set<String> origins = new LinkedHashSet<>();
        for (X509Certificate anchor : anchors) {
            for (String url : urlsOf(anchor)) {
                origin(url).ifPresent(origins::add);
            }
        }
        for (URI allowed : settings.allowed()) {
            origins.add(origin(allowed.toString()).orElseThrow(
                    () -> new IllegalArgumentException("not an http(s) origin: " + allowed)));
        }
        return new OutboundPolicy(origins, settings);
    }

    /** A policy that refuses every fetch, for offline operation. */
    public static OutboundPolicy none() {
        return new OutboundPolicy(Set.of(), FetchSettings.defaults());
    }

    public FetchSettings settings() {
        return settings;
    }

    /** The allowed origins, e.g. {@code http://127.0.0.1:18480}, for logs and health pages. */
    public Set<String> origins() {
        return origins;
    }

    /**
     * Admits one fetch: an http(s) URL of an allowed origin, within the current request's budget.
     *
     * @throws FetchRefusedException otherwise
     */
    public URI admit(String url) throws FetchRefusedException {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            throw refuse("not a URL");
        }
        String origin = origin(uri).orElseThrow(() -> refuse("only http(s) URLs are fetched"));
        if (uri.getRawUserInfo() != null) {
            throw refuse("URLs with user information are not fetched");
        }
        if (!origins.contains(origin)) {
            throw refuse("origin " + origin + " is not among the configured hosts");
        }
        Budget budget = CURRENT.get();
        if (budget != null) {
            budget.charge(settings);
        }
        return uri;
    }

    /**
     * Resolves a host for the HTTP client and refuses it if any address it resolves to is forbidden. Called
     * by the client right before it connects to these very addresses.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (isIpLiteral(host) && literalHosts.contains(bare(host))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                throw new UnknownHostException(host + " resolves to a loopback, private, link-local or other "
                        + "non-public address; not fetched");
            }
        }
        return addresses;
    }

    /** The connect and read timeout of the next fetch: the configured one, or less if the budget runs out. */
    public Duration timeout() {
        Budget budget = CURRENT.get();
        Duration timeout = settings.timeout();
        if (budget == null) {
            return timeout;
        }
        Duration left = budget.left(settings);
        return left.compareTo(timeout) < 0 ? left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left
                : timeout;
    }

    /**
     * Opens the budget of one request on this thread: at most {@code maxFetches} fetches, none started
     * after {@code budget}. Close it when the request ends.
     */
    public Scope open() {
        Budget previous = CURRENT.get();
        CURRENT.set(new Budget(System.nanoTime()));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * Addresses no document may make us connect to: this host, private networks (RFC 1918, fc00::/7,
     * 100.64/10), link-local (169.254/16 with the cloud metadata service, fe80::/10), unspecified,
     * multicast, broadcast and reserved, and IPv6 forms that embed one of those IPv4 addresses.
     */
    public static boolean isForbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            int b0 = a[0] & 0xff;
            int b1 = a[1] & 0xff;
            return b0 == 0 || b0 >= 240                       // "this network", reserved, broadcast
                    || b0 == 100 && (b1 & 0xc0) == 64           // 100.64/10 carrier-grade NAT
                    || b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0 // 192.0.0/24 protocol assignments
                    || b0 == 198 && (b1 & 0xfe) == 18;          // 198.18/15 benchmarking
        }
        if (address instanceof Inet6Address) {
            if ((a[0] & 0xfe) == 0xfc) {
                return true;                                    // fc00::/7 unique local
            }
            if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
                return isForbidden(v4(a, 2));                   // 2002::/16 6to4
            }
            if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
                return isForbidden(v4(a, 12));                  // 64:ff9b::/96 NAT64
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 12; i++) {
                zeroPrefix &= a[i] == 0;
            }
            if (zeroPrefix) {
                return isForbidden(v4(a, 12));                  // ::a.b.c.d IPv4-compatible
            }
        }
        return false;
    }

    private static InetAddress v4(byte[] a, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(a, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OCSP, CA-issuer and CRL distribution point URLs a certificate names. */
    static List<String> urlsOf(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] aia = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (aia != null) {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(aia).getOctets()).getAccessDescriptions()) {
                addUri(d.getAccessLocation(), urls);
            }
        }
        byte[] cdp = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (cdp != null) {
            for (DistributionPoint p : CRLDistPoint.getInstance(ASN1OctetString.getInstance(cdp).getOctets())
                    .getDistributionPoints()) {
                DistributionPointName name = p.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        addUri(g, urls);
                    }
                }
            }
        }
        return urls;
    }

    private static void addUri(GeneralName name, List<String> urls) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            urls.add(name.getName().toString());
        }
    }

    private static Optional<String> origin(String url) {
        try {
            return origin(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code scheme://host:port}, lower case, with the default port made explicit. */
    private static Optional<String> origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    private static boolean isIpLiteral(String host) {
        String h = bare(host);
        return h.contains(":") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static FetchRefusedException refuse(String why) {
        return new FetchRefusedException(why);
    }

    /** The budget of one request; closing it ends the request's fetching scope on this thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Budget {
        private final long started;
        private int count;

        Budget(long started) {
            this.started = started;
        }

        void charge(FetchSettings s) throws FetchRefusedException {
            if (++count > s.maxFetches()) {
                throw refuse("more than " + s.maxFetches() + " fetches for one request");
            }
            if (left(s).isNegative() || left(s).isZero()) {
                throw refuse("the request's fetching time of " + s.budget().toSeconds() + " s is spent");
            }
        }

        Duration left(FetchSettings s) {
            return s.budget().minusNanos(System.nanoTime() - started);
        }
    }
}
