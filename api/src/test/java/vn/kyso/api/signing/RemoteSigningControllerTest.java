package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class RemoteSigningControllerTest {

    // Not real certificates: the web layer only decodes, the signing module judges.
    private static final byte[] SIGNER = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final byte[] ISSUER = {0x30, 0x03, 0x02, 0x01, 0x02};

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void prepareReturnsWhatToSign() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/prepare")
                        .file(SignaturesControllerTest.pdf("file", "hop-dong.pdf"))
                        .param("certificate", pem(SIGNER) + pem(ISSUER))
                        .param("level", "B-T").param("appearance", "person"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value("prep-1"))
                .andExpect(jsonPath("$.dataToSign").value("AQID"))
                .andExpect(jsonPath("$.signatureAlgorithm").value("SHA256withRSA"))
                .andExpect(jsonPath("$.signingTime").value("2025-03-04T05:06:07Z"))
                .andExpect(jsonPath("$.expiresAt").value("2025-03-04T05:11:07Z"));

        assertThat(fake.lastPrepare.certificateChain()).containsExactly(SIGNER, ISSUER);
        assertThat(fake.lastPrepare.options().level()).isEqualTo(SignatureLevel.B_T);
        assertThat(fake.lastPrepare.options().appearance()).isEqualTo(Appearance.PERSON);
        assertThat(fake.lastPrepare.document().name()).isEqualTo("hop-dong.pdf");
    }

    @Test
    void certificatesMayBeRepeatedTextPartsInBase64() throws Exception {
        var enc = Base64.getEncoder();
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf"))
                        .param("certificate", enc.encodeToString(SIGNER), enc.encodeToString(ISSUER)))
                .andExpect(status().isOk());
        assertThat(fake.lastPrepare.certificateChain()).containsExactly(SIGNER, ISSUER);
    }

    @Test
    void certificatesMayBeFileParts() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf"))
                        .file(new MockMultipartFile("certificate", "signer.cer", "application/pkix-cert", SIGNER))
                        .file(new MockMultipartFile("certificate", "issuer.pem", "application/x-pem-file",
                                pem(ISSUER).getBytes())))
                .andExpect(status().isOk());
        assertThat(fake.lastPrepare.certificateChain()).containsExactly(SIGNER, ISSUER);
    }

    @Test
    void certificateIsRequiredAndMustDecode() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("certificate is required")));
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf"))
                        .param("certificate", "not a certificate!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("certificate 1 is neither PEM, base64 DER nor DER"));
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf"))
                        .file(new MockMultipartFile("certificate", "signer.cer", "application/pkix-cert", SIGNER))
                        .param("certificate", pem(ISSUER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("either all as text parts or all as file parts")));
        assertThat(fake.lastPrepare).isNull();
    }

    @Test
    void completeReturnsTheSignedDocument() throws Exception {
        mvc.perform(post("/api/v1/signatures/prep-1/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatureValue\":\"AQIDBA==\"}"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().string("signed-remotely"))
                .andExpect(header().string("X-Signature-Level", "B-T"))
                .andExpect(header().string("X-Signing-Time", "2025-03-04T05:06:07Z"))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''hop-dong-signed.pdf")));

        assertThat(fake.lastComplete.id()).isEqualTo("prep-1");
        assertThat(fake.lastComplete.signatureValue()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theAuthenticatedCallerIsPassedOnBothSteps() throws Exception {
        // The signing module binds a prepared signature to this name: another caller's complete gets 404.
        mvc.perform(multipart("/api/v1/signatures/prepare").file(SignaturesControllerTest.pdf("file", "a.pdf"))
                        .param("certificate", pem(SIGNER)).with(user("chuyen-vien-1")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/signatures/prep-1/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatureValue\":\"AQIDBA==\"}").with(user("chuyen-vien-2")))
                .andExpect(status().isOk());

        assertThat(fake.lastPrepare.caller()).isEqualTo("chuyen-vien-1");
        assertThat(fake.lastComplete.caller()).isEqualTo("chuyen-vien-2");
    }

    @Test
    void completeRejectsBadBodies() throws Exception {
        mvc.perform(post("/api/v1/signatures/prep-1/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatureValue\":\"***\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("signatureValue is not base64"));
        mvc.perform(post("/api/v1/signatures/prep-1/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("signatureValue is required"));
        mvc.perform(post("/api/v1/signatures/prep-1/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
    }

    @Test
    void completeOfAnUnknownIdIsNotFound() throws Exception {
        fake.failWith(new SigningException(SigningError.PREPARED_SIGNATURE_NOT_FOUND, "No prepared signature 'x'"));
        mvc.perform(post("/api/v1/signatures/x/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatureValue\":\"AQ==\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PREPARED_SIGNATURE_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:prepared-signature-not-found"))
                .andExpect(jsonPath("$.title").value("Unknown or expired prepared signature"))
                .andExpect(jsonPath("$.instance").value("/api/v1/signatures/x/complete"));
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
