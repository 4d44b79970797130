package vn.kyso.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // a Scope is opened for its effect on the policy's budget, not to be read
class OutboundPolicyTest {

    private static final OutboundPolicy POLICY = OutboundPolicy.of(List.of(), FetchSettings.defaults().withAllowed(
            List.of(URI.create("http://127.0.0.1:18480"), URI.create("http://localhost:18481"),
                    URI.create("https://ocsp.example.vn/ignored/path"))));

    @Test
    void onlyAllowListedOriginsAreAdmitted() throws Exception {
        assertThat(POLICY.admit("http://127.0.0.1:18480/ocsp/public-ca")).hasPort(18480);
        assertThat(POLICY.admit("https://OCSP.example.vn/anything")).hasHost("OCSP.example.vn");
        assertThat(POLICY.admit("https://ocsp.example.vn:443/x")).isNotNull();
        for (String url : List.of("http://127.0.0.1:18481/x", "http://127.0.0.2:18480/x", "http://ocsp.example.vn/x",
                "https://ocsp.example.vn:8443/x", "file:///etc/hostname", "ldap://127.0.0.1:18480/cn=x",
                "ftp://127.0.0.1:18480/x.crl", "http://169.254.169.254/latest/meta-data/", "not a url",
                "https://user@ocsp.example.vn/x", "//ocsp.example.vn/x")) {
            assertThatThrownBy(() -> POLICY.admit(url)).as(url).isInstanceOf(FetchRefusedException.class);
        }
    }

    @Test
    void anAllowListedIpLiteralMayBeLoopbackButAHostNameResolvingThereMayNot() throws Exception {
        assertThat(POLICY.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        // admitted by origin, refused once resolved: the address connected to is the one checked
        assertThat(POLICY.admit("http://localhost:18481/x")).isNotNull();
        assertThatThrownBy(() -> POLICY.resolve("localhost")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> POLICY.resolve("127.0.0.2")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> POLICY.resolve("169.254.169.254")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void nonPublicAddressesAreForbidden() throws Exception {
        for (String a : List.of("127.0.0.1", "127.1.2.3", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255", "198.18.0.1",
                "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                "::127.0.0.1", "2002:7f00:1::", "64:ff9b::a9fe:a9fe")) {
            assertThat(OutboundPolicy.isForbidden(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("8.8.8.8", "203.162.4.190", "172.32.0.1", "2001:4860:4860::8888",
                "2002:0808:0808::")) {
            assertThat(OutboundPolicy.isForbidden(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void aRequestHasABudgetOfFetches() throws Exception {
        OutboundPolicy policy = OutboundPolicy.of(List.of(), new FetchSettings(
                List.of(URI.create("http://127.0.0.1:18480")), 2, 0, Duration.ofSeconds(5), Duration.ofSeconds(20)));
        try (OutboundPolicy.Scope request = policy.open()) {
            policy.admit("http://127.0.0.1:18480/a");
            policy.admit("http://127.0.0.1:18480/b");
            assertThatThrownBy(() -> policy.admit("http://127.0.0.1:18480/c"))
                    .isInstanceOf(FetchRefusedException.class).hasMessageContaining("more than 2");
            assertThat(policy.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
        try (OutboundPolicy.Scope next = policy.open()) {
            assertThat(policy.admit("http://127.0.0.1:18480/a")).isNotNull();
        }
    }

    @Test
    void aRequestStopsFetchingWhenItsTimeIsSpent() throws Exception {
        OutboundPolicy policy = OutboundPolicy.of(List.of(), new FetchSettings(
                List.of(URI.create("http://127.0.0.1:18480")), 20, 0, Duration.ofSeconds(5), Duration.ZERO));
        try (OutboundPolicy.Scope request = policy.open()) {
            assertThatThrownBy(() -> policy.admit("http://127.0.0.1:18480/a"))
                    .isInstanceOf(FetchRefusedException.class);
        }
    }

    @Test
    void nothingIsFetchedOffline() {
        assertThatThrownBy(() -> OutboundPolicy.none().admit("http://127.0.0.1:18480/a"))
                .isInstanceOf(FetchRefusedException.class);
    }
}
