package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.BINARY;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningFixture;

/**
 * Our output checked by validators that share no code with DSS: poppler's {@code pdfsig} for PAdES and
 * OpenSSL's {@code cms -verify} for CAdES. Both tools are installed by scripts/deps.sh.
 */
class IndependentValidatorsTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    @Test
    void pdfsigFindsBothSignaturesOfAPersonAndOrganisationSignedLetterValid(@TempDir Path dir) throws Exception {
        SignedDocument person = service.sign(new SignRequest(LETTER, "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null)));
        SignedDocument both = service.sign(new SignRequest(new Document("letter.pdf", person.content()),
                "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_LT).withAppearance(Appearance.ORGANISATION,
                        null)));
        Path pdf = dir.resolve("letter.pdf");
        Files.write(pdf, both.content());

        Result r = run(dir, "pdfsig", pdf.toString());

        assertThat(r.output()).as(r.output()).contains("Signature #1", "Signature #2");
        assertThat(r.output().split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
        assertThat(r.output()).contains("Trần Thị Bích Ngọc", "Ủy ban nhân dân tỉnh Bình An");
    }

    @Test
    void opensslVerifiesADetachedCadesSignature(@TempDir Path dir) throws Exception {
        SignedDocument signed = service.sign(new SignRequest(BINARY, "pham-thu-ha",
                SignOptions.defaults(SignatureLevel.B_LT)));
        Path content = dir.resolve("content.bin");
        Path signature = dir.resolve("content.p7s");
        Files.write(content, BINARY.content());
        Files.write(signature, signed.content());

        Result ok = run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", content.toString(), "-CAfile", pki.trustAnchorsPem(KeyFamily.PUBLIC).toString(),
                "-purpose", "any", "-out", dir.resolve("out").toString());
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verification successful");

        Files.write(content, "tampered".getBytes(StandardCharsets.UTF_8));
        Result tampered = run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                signature.toString(), "-content", content.toString(), "-CAfile",
                pki.trustAnchorsPem(KeyFamily.PUBLIC).toString(), "-purpose", "any", "-out",
                dir.resolve("out").toString());
        assertThat(tampered.exit()).isNotZero();
    }

    record Result(int exit, String output) {
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("command.log");
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
