package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Mobile and web signing apps often return ECDSA values as plain r||s (as in JWS) rather than DER;
 * both are accepted and normalised to DER, the form Java and DSS expect.
 */
final class EcdsaValues {

    private EcdsaValues() {
    }

    static byte[] toDer(byte[] value, SignatureAlgorithm algorithm) {
        if (algorithm.getEncryptionAlgorithm() != EncryptionAlgorithm.ECDSA || isDer(value)) {
            return value;
        }
        if (value.length % 2 != 0) {
            throw new SigningException(SigningError.SIGNATURE_VALUE_INVALID, "an ECDSA value must be DER or r||s");
        }
        int half = value.length / 2;
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(value, 0, half))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(value, half, value.length))));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new SigningException(SigningError.SIGNATURE_VALUE_INVALID, "the ECDSA value cannot be encoded", e);
        }
    }

    private static boolean isDer(byte[] value) {
        if (value.length < 8 || value[0] != 0x30) {
            return false;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(value);
            return seq.size() == 2 && Arrays.equals(seq.getEncoded(), value);
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
