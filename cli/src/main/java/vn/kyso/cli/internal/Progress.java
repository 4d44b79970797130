package vn.kyso.cli.internal;

import java.io.PrintStream;

/**
 * A progress bar on the error stream ({@code [#####.....] 5/10 name}), redrawn in place with a carriage
 * return so standard output stays the command's result for pipes.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final int total;
    private int done;

    Progress(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
        draw("");
    }

    void advance(int n, String note) {
        done = Math.min(total, done + n);
        draw(note);
    }

    void set(int value, String note) {
        done = Math.min(total, Math.max(0, value));
        draw(note);
    }

    void finish() {
        err.println();
    }

    static String bar(int done, int total) {
        int filled = total <= 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private void draw(String note) {
        String shown = note.length() > 40 ? "…" + note.substring(note.length() - 39) : note;
        err.print("\r" + label + " " + bar(done, total) + " " + done + "/" + total + " " + shown + "   ");
        err.flush();
    }
}
