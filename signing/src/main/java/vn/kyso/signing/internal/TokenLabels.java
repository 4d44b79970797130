package vn.kyso.signing.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds a PKCS#11 slot by its token label.
 *
 * <p>Why hand-written: JDK 17's SunPKCS11 selects a token only by slot id or slot index, but slot ids
 * change between HSM installations while labels are what operators configure. The full PKCS#11
 * wrappers (IAIK, XiPKI) ship native code; three C functions through JNA are enough here.
 *
 * <p>Call it before any SunPKCS11 provider uses the library: if this call initialised the library it
 * also finalises it, and if the library was already initialised it leaves it as it was.
 */
final class TokenLabels {

    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    /** CK_TOKEN_INFO starts with the 32-byte, blank-padded label; the buffer is larger than the struct. */
    private static final int TOKEN_INFO_BUFFER = 512;

    private TokenLabels() {
    }

    /** Maps token label to slot id for every slot with a token present. */
    static synchronized Map<String, Long> slotsByLabel(String library) {
        Cryptoki ck = Native.load(library, Cryptoki.class);
        long rv = ck.C_Initialize(null).longValue();
        boolean initialisedHere = rv == CKR_OK;
        if (!initialisedHere && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new IllegalStateException("C_Initialize failed: 0x" + Long.toHexString(rv));
        }
        try {
            NativeLongByReference count = new NativeLongByReference();
            check(ck.C_GetSlotList((byte) 1, null, count), "C_GetSlotList");
            int n = count.getValue().intValue();
            NativeLong[] slots = new NativeLong[Math.max(n, 1)];
            check(ck.C_GetSlotList((byte) 1, slots, count), "C_GetSlotList");
            Map<String, Long> result = new LinkedHashMap<>();
            byte[] info = new byte[TOKEN_INFO_BUFFER];
            for (int i = 0; i < count.getValue().intValue(); i++) {
                check(ck.C_GetTokenInfo(slots[i], info), "C_GetTokenInfo");
                String label = new String(info, 0, 32, StandardCharsets.UTF_8).strip();
                result.putIfAbsent(label, slots[i].longValue());
            }
            return result;
        } finally {
            if (initialisedHere) {
                ck.C_Finalize(null);
            }
        }
    }

    private static void check(NativeLong rv, String function) {
        if (rv.longValue() != CKR_OK) {
            throw new IllegalStateException(function + " failed: 0x" + Long.toHexString(rv.longValue()));
        }
    }

    /** The PKCS#11 functions used, by their exported C names. */
    interface Cryptoki extends Library {
        NativeLong C_Initialize(Pointer initArgs);

        NativeLong C_Finalize(Pointer reserved);

        NativeLong C_GetSlotList(byte tokenPresent, NativeLong[] slotList, NativeLongByReference count);

        NativeLong C_GetTokenInfo(NativeLong slotId, byte[] info);
    }
}
