package vn.kyso.letters;

/**
 * The public verification page the letters' QR codes link to, e.g. {@code https://kyso.example.gov.vn/verify}.
 * The web edge knows it (and in the demo only once the server listens), so it is asked for at each draft.
 */
@FunctionalInterface
public interface VerifyAddress {

    String verifyUrl();
}
