package vn.kyso.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void theConnectionUnlessForwardedForIsTrusted() {
        MockHttpServletRequest request = request("10.0.0.7", "203.0.113.9");
        assertThat(ClientAddress.of(request, false)).isEqualTo("10.0.0.7");
        assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.9");
    }

    @Test
    void theLastEntryIsTheOneOurProxyAddedTheOthersAreTheClientsChoice() {
        MockHttpServletRequest request = request("10.0.0.7", "1.2.3.4, 5.6.7.8", " 2001:db8::1 , ");
        assertThat(ClientAddress.of(request, true)).isEqualTo("2001:db8::1");
    }

    @Test
    void withoutTheHeaderTheConnection() {
        assertThat(ClientAddress.of(request("10.0.0.7"), true)).isEqualTo("10.0.0.7");
        assertThat(ClientAddress.of(request("10.0.0.7", " , "), true)).isEqualTo("10.0.0.7");
    }

    @Test
    void aHugeEntryCannotGrowTheMap() {
        assertThat(ClientAddress.of(request("10.0.0.7", "x".repeat(10_000)), true)).hasSize(64);
    }

    private static MockHttpServletRequest request(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String value : forwardedFor) {
            request.addHeader(ClientAddress.FORWARDED_FOR, value);
        }
        return request;
    }
}
