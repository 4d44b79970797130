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
                if (ck.C_GetTokenInfo(slots[i], info).longValue() != CKR_OK) {
                    // A token gone since the library listed it (SoftHSM2 keeps its slot until re-initialised):
                    // it must not hide the others.
                    continue;
                }
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

    /** At most one re-initialisation of a library per this interval: each one costs every token's sessions. */
    static final java.time.Duration REINITIALISE_INTERVAL = java.time.Duration.ofSeconds(10);
    private static final long CKR_CRYPTOKI_NOT_INITIALIZED = 0x190;
    /** CK_C_INITIALIZE_ARGS.flags: the library may use the OS's locks, as SunPKCS11 asks it to. */
    private static final long CKF_OS_LOCKING_OK = 0x2;
    private static final java.util.Map<String, Long> LAST_REINITIALISED = new java.util.HashMap<>();
    private static final java.util.Map<String, java.util.concurrent.locks.ReentrantReadWriteLock> LIBRARY_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Finalises and initialises {@code library} again, so that it looks at its tokens afresh: PKCS#11
     * libraries read their token list at C_Initialize (SoftHSM2 reads its token directory then, and a
     * token whose files went away stays invalid in the process even once they are back), so a token
     * removed and restored, or re-created with its label, is not seen otherwise. Every SunPKCS11 session
     * on the library ends with it; {@link Pkcs11Token} reconnects on the next use. Throttled to one call
     * per {@link #REINITIALISE_INTERVAL} per library.
     *
     * @return whether it ran (false within the interval of the previous call)
     */
    static boolean reinitialise(String library) {
        // Never while one of our calls is inside the library: C_Finalize under a running call may crash it.
        java.util.concurrent.locks.Lock exclusive = lockOf(library).writeLock();
        exclusive.lock();
        try {
            return reinitialiseLocked(library);
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * Held (shared) around every call of ours into {@code library}, so that {@link #reinitialise} waits
     * for them. SunPKCS11's own cleaner thread is not covered; it only frees handles of dropped keys.
     */
    static java.util.concurrent.locks.Lock callsInto(String library) {
        return lockOf(library).readLock();
    }

    private static java.util.concurrent.locks.ReentrantReadWriteLock lockOf(String library) {
        return LIBRARY_LOCKS.computeIfAbsent(library, l -> new java.util.concurrent.locks.ReentrantReadWriteLock());
    }

    private static synchronized boolean reinitialiseLocked(String library) {
        long now = System.nanoTime();
        Long last = LAST_REINITIALISED.get(library);
        if (last != null && now - last < REINITIALISE_INTERVAL.toNanos()) {
            return false;
        }
        LAST_REINITIALISED.put(library, now);
        Cryptoki ck = Native.load(library, Cryptoki.class);
        long rv = ck.C_Finalize(null).longValue();
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_NOT_INITIALIZED) {
            throw new IllegalStateException("C_Finalize failed: 0x" + Long.toHexString(rv));
        }
        // CK_C_INITIALIZE_ARGS: four mutex callbacks (null), flags, pReserved (null).
        com.sun.jna.Memory args = new com.sun.jna.Memory(6L * Native.POINTER_SIZE);
        args.clear();
        args.setNativeLong(4L * Native.POINTER_SIZE, new NativeLong(CKF_OS_LOCKING_OK));
        check(ck.C_Initialize(args), "C_Initialize");
        return true;
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
