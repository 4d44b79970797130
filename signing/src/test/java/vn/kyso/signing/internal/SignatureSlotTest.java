package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.utils.Utils;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SignatureSlot} puts the CMS where DSS's {@code PAdESUtils.replaceSignature} puts it, or declines. */
class SignatureSlotTest {

    private static final byte[] CMS = {0x30, (byte) 0x82, 0x01, (byte) 0xff, 0x06, 0x09, 0x2a};

    @Test
    void fillsTheReservedSpaceAsDssDoes() {
        byte[] prepared = pdf("/Contents <", zeros(40), "> /ByteRange [0 10 60 5]");
        assertSameAsDss(prepared, CMS);
        assertThat(new String(SignatureSlot.fill(prepared, hex(CMS)), StandardCharsets.US_ASCII))
                .contains("<" + Utils.toHex(CMS) + "0".repeat(40 - 2 * CMS.length) + ">");
    }

    @Test
    void shorterRunsOfZerosAndOtherStringsAreLeftAlone() {
        // Hex strings of zeros too short to hold the CMS, one interrupted by another '<', then the space.
        byte[] prepared = pdf("<000> <00<0000", "1> <", zeros(CMS.length * 2), "> <", zeros(5), ">");
        assertSameAsDss(prepared, CMS);
    }

    @Test
    void aSpaceAtTheVeryEndIsFound() {
        assertSameAsDss(pdf("trailer <", zeros(CMS.length * 2)), CMS);
    }

    @Test
    void twoReservedSpacesAreDeclinedAsDssRefusesThem() {
        byte[] prepared = pdf("<", zeros(30), "> planted <", zeros(30), ">");
        assertThat(SignatureSlot.fill(prepared, hex(CMS))).isNull();
        assertThatThrownBy(() -> PAdESUtils.replaceSignature(document(prepared), CMS, null))
                .isInstanceOf(IllegalInputException.class);
    }

    @Test
    void noReservedSpaceIsDeclinedAsDssRefusesIt() {
        byte[] prepared = pdf("<", zeros(CMS.length * 2 - 1), "> no room");
        assertThat(SignatureSlot.fill(prepared, hex(CMS))).isNull();
        assertThatThrownBy(() -> PAdESUtils.replaceSignature(document(prepared), CMS, null))
                .isInstanceOf(IllegalInputException.class);
    }

    @Test
    void randomDocumentsGetTheSameBytesAsFromDss() {
        Random random = new Random(20261205);
        int compared = 0;
        for (int run = 0; run < 300; run++) {
            byte[] cms = new byte[1 + random.nextInt(12)];
            random.nextBytes(cms);
            // Mostly '<', '0' and '>' so that near-misses are common; sometimes a real space is planted.
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int length = 20 + random.nextInt(200);
            for (int i = 0; i < length; i++) {
                int r = random.nextInt(10);
                body.write(r < 2 ? '<' : r < 8 ? '0' : r == 8 ? '>' : 'a' + random.nextInt(26));
            }
            if (random.nextBoolean()) {
                body.writeBytes(("<" + "0".repeat(cms.length * 2 + random.nextInt(4)) + ">")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            // A PDF ends with %%EOF. (DSS drops zeros that follow a last '<' at the very end of the input,
            // which no PDF has; SignatureSlot keeps them.)
            byte[] prepared = pdf(body.toString(StandardCharsets.US_ASCII), "\n%%EOF\n");
            byte[] ours = SignatureSlot.fill(prepared, hex(cms));
            byte[] theirs;
            try {
                theirs = DSSUtils.toByteArray(PAdESUtils.replaceSignature(document(prepared), cms, null));
            } catch (IllegalInputException refused) {
                theirs = null;
            }
            assertThat(ours).as("run %d, document %s, CMS %s", run, new String(prepared, StandardCharsets.US_ASCII),
                    Utils.toHex(cms)).isEqualTo(theirs);
            compared += ours == null ? 0 : 1;
        }
        assertThat(compared).as("documents where both filled a space").isGreaterThan(50);
    }

    private static void assertSameAsDss(byte[] prepared, byte[] cms) {
        byte[] theirs = DSSUtils.toByteArray(PAdESUtils.replaceSignature(document(prepared), cms, null));
        assertThat(SignatureSlot.fill(prepared, hex(cms))).isEqualTo(theirs);
    }

    private static InMemoryDocument document(byte[] bytes) {
        return new InMemoryDocument(bytes, "prepared.pdf", MimeTypeEnum.PDF);
    }

    private static byte[] pdf(String... parts) {
        return ("%PDF-1.7\n" + String.join("", parts)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String zeros(int n) {
        return "0".repeat(n);
    }

    private static byte[] hex(byte[] cms) {
        return Utils.toHex(cms).getBytes(StandardCharsets.US_ASCII);
    }
}
