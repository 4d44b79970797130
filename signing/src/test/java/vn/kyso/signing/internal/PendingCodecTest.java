package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Document;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;

/** A prepared state survives the trip through the database's bytes, every option included. */
class PendingCodecTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        SignOptions options = new SignOptions(SignatureFormat.PADES, SignatureLevel.B_LT, null, Appearance.COPY,
                new Placement(2, 10.5f, 20f, 150f, 60f), "12/QĐ-UBND", "TRÍCH SAO", DigestAlgorithm.SHA384,
                KeyFamily.SPECIALISED, null, CopySource.PAPER);
        var state = new PreparedState("nguyễn.văn.a", new Document("công-văn.pdf", new byte[] {1, 2, 3}),
                List.of(new byte[] {4, 5}, new byte[] {6}), options, Instant.parse("2026-12-05T10:00:00Z"),
                new byte[] {7, 8, 9});

        PreparedState back = PendingCodec.decode(PendingCodec.encode(state));

        assertThat(back.caller()).isEqualTo("nguyễn.văn.a");
        assertThat(back.document().name()).isEqualTo("công-văn.pdf");
        assertThat(back.document().content()).containsExactly(1, 2, 3);
        assertThat(back.chain()).hasSize(2);
        assertThat(back.chain().get(0)).containsExactly(4, 5);
        assertThat(back.chain().get(1)).containsExactly(6);
        assertThat(back.options()).isEqualTo(options);
        assertThat(back.signingTime()).isEqualTo(state.signingTime());
        assertThat(back.toBeSigned()).containsExactly(7, 8, 9);
    }

    @Test
    void nullCallerAndDefaultOptionsSurvive() {
        var state = new PreparedState(null, new Document(null, new byte[] {1}), List.of(new byte[] {2}),
                SignOptions.defaults(SignatureLevel.B_B), Instant.parse("2026-12-05T10:00:00Z"), new byte[] {3});

        PreparedState back = PendingCodec.decode(PendingCodec.encode(state));

        assertThat(back.caller()).isNull();
        assertThat(back.document().name()).isEqualTo("document");
        assertThat(back.options()).isEqualTo(state.options());
    }

    @Test
    void theRemoteSignersImageSurvivesAndARowWrittenBeforeItIsReadAsWithout() {
        var state = new PreparedState("dang-thi-tu-xa", new Document("a.pdf", new byte[] {1}), List.of(new byte[] {2}),
                SignOptions.defaults(SignatureLevel.B_B), Instant.parse("2026-12-05T10:00:00Z"), new byte[] {3},
                new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(PendingCodec.decode(PendingCodec.encode(state)).signatureImage())
                .containsExactly((byte) 0x89, 'P', 'N', 'G');

        // Version 1 (before issue #14): the same fields, no image flag after the data to sign.
        var old = new PreparedState("x", new Document("b.pdf", new byte[] {1}), List.of(new byte[] {2}),
                SignOptions.defaults(SignatureLevel.B_B), Instant.parse("2026-12-05T10:00:00Z"), new byte[] {3});
        byte[] v2 = PendingCodec.encode(old);
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1);
        v1[0] = 1;
        PreparedState back = PendingCodec.decode(v1);
        assertThat(back.signatureImage()).isNull();
        assertThat(back.toBeSigned()).containsExactly(3);
    }
}
