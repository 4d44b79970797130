package vn.kyso.api.validation;

/** Client values quoted back in error details are cut short, so a problem never echoes a payload. */
final class Echo {

    private static final int MAX = 40;

    private Echo() {
    }

    static String shorten(String value) {
        String shown = value.strip();
        return shown.length() > MAX ? shown.substring(0, MAX) + "…" : shown;
    }
}
