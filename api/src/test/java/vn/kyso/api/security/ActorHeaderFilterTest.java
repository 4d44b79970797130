package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/** Issue #12: a Vietnamese name reaches the timeline intact, from the header or from a form field. */
class ActorHeaderFilterTest {

    private static final String NAME = "Nguyễn Thị Thư";

    @Test
    void aUtf8HeaderAsTheContainerHandsItOverIsReadAsUtf8() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/letters");
        // What Tomcat gives for raw UTF-8 bytes in a header: one Latin-1 character per byte.
        request.addHeader(ActorHeaderFilter.HEADER,
                new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));

        assertThat(actorSeenBy(request)).isEqualTo(NAME);
    }

    @Test
    void anExtendedHeaderAsTheLettersPageSendsItIsPercentDecoded() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/letters/x/signature/y/complete");
        // encodeURIComponent("Nguyễn Thị Thư"), as RFC 8187's ext-value: ASCII only, past the firewall.
        request.addHeader(ActorHeaderFilter.HEADER, "UTF-8''Nguy%E1%BB%85n%20Th%E1%BB%8B%20Th%C6%B0");

        assertThat(actorSeenBy(request)).isEqualTo(NAME);
    }

    @Test
    void aFormFieldNamesTheActorWhenThereIsNoHeader() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/letters/x/issue");
        request.setContentType("multipart/form-data; boundary=x");
        request.addParameter(ActorHeaderFilter.FIELD, NAME);

        assertThat(actorSeenBy(request)).isEqualTo(NAME);
    }

    @Test
    void aLatin1NameIsKeptAsItIs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/letters");
        request.addHeader(ActorHeaderFilter.HEADER, "José");

        assertThat(actorSeenBy(request)).isEqualTo("José");
    }

    @Test
    void aFieldOfAnotherKindOfRequestIsNotRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/letters");
        request.addParameter(ActorHeaderFilter.FIELD, NAME);

        assertThat(actorSeenBy(request)).isNull();
    }

    private static String actorSeenBy(MockHttpServletRequest request) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        new ActorHeaderFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            seen.set(auth instanceof CallerAuthentication c ? c.caller().actor() : null);
        });
        return seen.get();
    }
}
