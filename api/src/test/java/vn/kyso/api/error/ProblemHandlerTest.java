package vn.kyso.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.server.ResponseStatusException;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;
import vn.kyso.core.ServiceException;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Written out here rather than taken from the handler, so a changed mapping fails this test. */
    private static final Map<ErrorKind, Integer> STATUS = Map.of(
            ErrorKind.BAD_REQUEST, 400, ErrorKind.NOT_FOUND, 404, ErrorKind.FORBIDDEN, 403,
            ErrorKind.CONFLICT, 409, ErrorKind.TOO_LARGE, 413, ErrorKind.UNSUPPORTED_MEDIA_TYPE, 415,
            ErrorKind.UNPROCESSABLE, 422, ErrorKind.UNAVAILABLE, 503, ErrorKind.INTERNAL, 500);

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyErrorKindHasItsStatus(ErrorKind kind) throws Exception {
        fake.failWith(new TestException(new TestCode("SOME_" + kind.name(), kind, "Title of " + kind),
                "what happened to " + kind));
        int expected = STATUS.get(kind);

        MvcResult result = mvc.perform(get("/api/v1/keys"))
                .andExpect(status().is(expected))
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type")
                        .value("urn:kyso:problem:some-" + kind.name().toLowerCase().replace('_', '-')))
                .andExpect(jsonPath("$.title").value("Title of " + kind))
                .andExpect(jsonPath("$.status").value(expected))
                .andExpect(jsonPath("$.detail").value("what happened to " + kind))
                .andExpect(jsonPath("$.instance").value("/api/v1/keys"))
                .andExpect(jsonPath("$.code").value("SOME_" + kind.name()))
                .andReturn();

        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception", "\tat ", "vn.kyso", "trace");
        if (expected >= 500) {
            assertThat(body).containsPattern("\"errorId\":\"" + UUID + "\"");
        } else {
            assertThat(body).doesNotContain("errorId");
        }
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo(expected == 503 ? "30" : null);
    }

    @Test
    void moduleCodesKeepTheirNames() throws Exception {
        fake.failWith(new SigningException(SigningError.KEY_NOT_FOUND, "No key 'x'"));
        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KEY_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:key-not-found"))
                .andExpect(jsonPath("$.title").value("Unknown signing key"));
    }

    @Test
    void unexpectedExceptionsAreOpaqueButLogged(CapturedOutput log) throws Exception {
        fake.failWith(new IllegalStateException("PIN 1234 rejected by /opt/vendor/libcs_pkcs11.so"));

        MvcResult result = mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value(ProblemHandler.UNEXPECTED_DETAIL))
                .andExpect(jsonPath("$.errorId").value(matchesPattern(UUID)))
                .andReturn();

        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("PIN", "/opt", "IllegalState", "Exception", "\tat ");
        String errorId = com.jayway.jsonpath.JsonPath.read(body, "$.errorId");
        // The server log keeps what the client must not see, findable by the error id.
        assertThat(log.getOut()).contains(errorId, "java.lang.IllegalStateException", "\tat ");
    }

    @Test
    void springServerErrorsLoseTheirDetail() throws Exception {
        fake.failWith(new ResponseStatusException(HttpStatus.BAD_GATEWAY, "upstream http://10.0.0.5:8080 failed"));
        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("BAD_GATEWAY"))
                .andExpect(jsonPath("$.detail").value(ProblemHandler.UNEXPECTED_DETAIL))
                .andExpect(jsonPath("$.errorId").value(matchesPattern(UUID)));
    }

    @Test
    void illegalArgumentFromOutsideOurRecordsIsNotShown() throws Exception {
        IllegalArgumentException fromJdk = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> SignatureLevel.valueOf("B_X"));
        assertThatIllegalArgumentException().isThrownBy(() -> { throw fromJdk; })
                .withMessageContaining("vn.kyso.signing.SignatureLevel");
        fake.failWith(fromJdk);

        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(ProblemHandler.UNEXPECTED_DETAIL))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("vn.kyso"))));
    }

    @Test
    void problemIsSentEvenWhenTheClientAcceptsOnlyPdf() throws Exception {
        fake.failWith(new SigningException(SigningError.HSM_UNAVAILABLE, "The HSM does not answer"));
        mvc.perform(multipart("/api/v1/signatures")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[] {1}))
                        .param("key", "k").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.code").value("HSM_UNAVAILABLE"));
    }

    @Test
    void unknownPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:not-found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() throws Exception {
        mvc.perform(delete("/api/v1/keys"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(header().string("Allow", "GET"))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void wrongContentTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
        mvc.perform(post("/api/v1/signatures").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void statusOfEveryKindIsDefined() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ProblemHandler.statusOf(kind).value()).isEqualTo(STATUS.get(kind));
        }
    }

    record TestCode(String code, ErrorKind kind, String title) implements ErrorCode {
        @Override
        public String name() {
            return code;
        }
    }

    static class TestException extends ServiceException {
        private static final long serialVersionUID = 1L;

        TestException(ErrorCode code, String message) {
            super(code, message, new IllegalStateException("internal cause"));
        }
    }
}
