package vn.kyso.core;

/**
 * The two families of signing certificates recognised in Vietnam. They come from different roots
 * and are never interchangeable: an inter-agency document needs a specialised signature.
 */
public enum KeyFamily {
    /** Chữ ký số chuyên dùng: the Government CA of the Government Cipher Committee. */
    SPECIALISED,
    /** Chữ ký số công cộng: licensed public CAs under the national root CA. */
    PUBLIC
}
