package vn.kyso.signing;

/**
 * What an electronic copy is made from. Decree 30/2020/ND-CP allows only an extract (TRÍCH SAO) of a
 * document that is already electronic; SAO Y and SAO LỤC copy a paper original into electronic form.
 */
public enum CopySource {
    /** A paper document digitised for the copy. */
    PAPER,
    /** A document that is already electronic. */
    ELECTRONIC
}
