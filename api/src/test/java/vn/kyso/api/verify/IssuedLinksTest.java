package vn.kyso.api.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which links open the public lookup by identifier. */
class IssuedLinksTest {

    final IssuedLinks links = new IssuedLinks("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void generatedIdentifiersOpenByThemselves() {
        assertThat(links.opens("VB-K7QM2XH9PZ3A", null)).isTrue();
        assertThat(links.opens(UUID.randomUUID().toString(), null)).isTrue();
        // Lower case, a sequential-looking UUID (version 1) or an O/0 in the generator's alphabet: not ours.
        assertThat(links.opens("vb-k7qm2xh9pz3a", null)).isFalse();
        assertThat(links.opens("00000000-0000-1000-8000-000000000001", null)).isFalse();
        assertThat(links.opens("VB-O00000000000", null)).isFalse();
    }

    @Test
    void anIssuerChosenIdentifierNeedsItsToken() {
        String token = links.token("KQ-2026-000777");
        assertThat(token).matches("[A-Za-z0-9_-]{16}");
        assertThat(links.opens("KQ-2026-000777", token)).isTrue();
        assertThat(links.opens("KQ-2026-000777", null)).isFalse();
        assertThat(links.opens("KQ-2026-000777", "")).isFalse();
        assertThat(links.opens("KQ-2026-000778", token)).isFalse();
        char[] off = token.toCharArray();
        off[0] = off[0] == 'A' ? 'B' : 'A';
        assertThat(links.opens("KQ-2026-000777", new String(off))).isFalse();
    }

    @Test
    void anotherKeyMakesOtherTokens() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        assertThat(new IssuedLinks(other).token("KQ-2026-000777")).isNotEqualTo(links.token("KQ-2026-000777"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IssuedLinks(new byte[16]));
    }
}
