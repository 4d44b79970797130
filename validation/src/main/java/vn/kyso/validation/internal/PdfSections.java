package vn.kyso.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.kyso.validation.Explanation;

/**
 * Checks every incremental section appended after the first signature on its own, as written, for
 * the cross-reference tricks of incremental saving and shadow attacks (Mladenov et al. 2019, Mainka et
 * al. 2021): a table entry that points at another object than the one it names (two entries sharing
 * one offset is the plainest case), an entry sending a signed object's number to older bytes it never
 * had, an object defined twice in one section (readers that ignore the table take the last), and a
 * section whose trailer does not chain to the previous table.
 *
 * <p>DSS reads the file through PDFBox, which merges the tables and, where an entry does not fit,
 * searches the whole file for the object instead: the signed original is found and compared with
 * itself, while a viewer that follows the table shows the attacker's object. These checks look at
 * the bytes, so no later step (DSS's comparison, {@link SamePageContent}'s shortcut) can skip them.
 */
final class PdfSections {

    static final String XREF_MISMATCH = "XREF_MISMATCH";
    static final String XREF_SHARED_OFFSET = "XREF_SHARED_OFFSET";
    static final String XREF_REDIRECTED = "XREF_REDIRECTED";
    static final String OBJECT_DEFINED_TWICE = "OBJECT_DEFINED_TWICE";
    static final String XREF_CHAIN_BROKEN = "XREF_CHAIN_BROKEN";
    static final String XREF_UNREADABLE = "XREF_UNREADABLE";

    /** Findings that prove the file was manipulated; the others say it cannot be checked. */
    static final Set<String> TAMPERING = Set.of(XREF_MISMATCH, XREF_SHARED_OFFSET, XREF_REDIRECTED,
            OBJECT_DEFINED_TWICE, XREF_CHAIN_BROKEN);

    private static final int MAX_LISTED = 5;

    private PdfSections() {
    }

    /**
     * @param findings     one per kind of trick found
     * @param firstEnd     where the first section with a finding ends ({@code Long.MAX_VALUE} if none): a
     *                     signature whose signed bytes end before it does not cover the trick
     */
    record Result(List<Explanation> findings, long firstEnd) {
    }

    /**
     * @param signedEnd where the earliest signed revision ends (the end of its byte range); sections
     *                  that end after it are checked
     */
    static Result check(byte[] pdf, PdfRevisions revisions, long signedEnd) {
        List<Long> ends = revisions.eofEnds();
        List<Explanation> findings = new ArrayList<>();
        Map<Integer, PdfXref.Entry> effective = new HashMap<>();
        boolean earlierKnown = true;
        long previousStartxref = -1;
        long start = 0;
        long first = Long.MAX_VALUE;
        for (long end : ends) {
            long startxref = startxref(pdf, start, end);
            PdfXref.Table table = startxref < 0 ? PdfXref.Table.UNREADABLE : PdfXref.read(pdf, startxref);
            if (end > signedEnd && start >= signedEnd - 2) {
                List<Explanation> found = section(pdf, start, end, startxref, table, previousStartxref,
                        earlierKnown ? effective : null);
                if (!found.isEmpty() && first == Long.MAX_VALUE) {
                    first = end;
                }
                findings.addAll(found);
            }
            earlierKnown &= table.readable();
            effective.putAll(PdfXref.byNumber(table.entries()));
            previousStartxref = startxref;
            start = end;
        }
        return new Result(merge(findings), first);
    }

    private static List<Explanation> section(byte[] pdf, long start, long end, long startxref, PdfXref.Table table,
            long previousStartxref, Map<Integer, PdfXref.Entry> before) {
        List<Explanation> findings = new ArrayList<>();
        if (!table.readable()) {
            findings.add(new Explanation(XREF_UNREADABLE,
                    "Không đọc được bảng tham chiếu chéo (xref) của phần bổ sung sau khi ký — không kiểm tra được",
                    "The cross-reference table of a section added after signing cannot be read — it cannot be "
                            + "checked"));
            return findings;
        }
        if (startxref < start || startxref >= end || table.prev() != previousStartxref) {
            findings.add(new Explanation(XREF_CHAIN_BROKEN,
                    "Phần bổ sung sau khi ký không nối đúng vào bảng tham chiếu chéo đã ký (tấn công lưu gia tăng)"
                            + " — không được phép",
                    "A section added after signing does not chain to the signed cross-reference table "
                            + "(incremental saving attack) — not permitted"));
        }
        Set<Integer> mismatched = new TreeSet<>();
        Set<Integer> redirected = new TreeSet<>();
        Map<Long, Integer> byOffset = new HashMap<>();
        Set<Integer> shared = new TreeSet<>();
        for (PdfXref.Entry e : table.entries()) {
            if (e.type() != 1) {
                continue;
            }
            if (PdfXref.objectNumberAt(pdf, e.field()) != e.number()) {
                mismatched.add(e.number());
            }
            Integer other = byOffset.putIfAbsent(e.field(), e.number());
            if (other != null && other != e.number()) {
                shared.add(other);
                shared.add(e.number());
            }
            if (e.field() < start && before != null) {
                PdfXref.Entry old = before.get(e.number());
                if (old == null || old.type() != 1 || old.field() != e.field()) {
                    redirected.add(e.number());
                }
            }
        }
        if (!shared.isEmpty()) {
            findings.add(new Explanation(XREF_SHARED_OFFSET,
                    "Bảng tham chiếu chéo thêm sau khi ký trỏ nhiều số đối tượng (" + list(shared)
                            + ") vào cùng một đối tượng, che khuất đối tượng đã ký (tấn công che giấu) — không được phép",
                    "A cross-reference table added after signing points several object numbers (" + list(shared)
                            + ") at one object, shadowing a signed object (shadow attack) — not permitted"));
        }
        if (!mismatched.isEmpty()) {
            findings.add(new Explanation(XREF_MISMATCH,
                    "Bảng tham chiếu chéo thêm sau khi ký trỏ đối tượng " + list(mismatched)
                            + " vào chỗ không phải là đối tượng đó — không được phép",
                    "A cross-reference table added after signing points object " + list(mismatched)
                            + " at bytes that are not that object — not permitted"));
        }
        if (!redirected.isEmpty()) {
            findings.add(new Explanation(XREF_REDIRECTED,
                    "Bảng tham chiếu chéo thêm sau khi ký chuyển đối tượng " + list(redirected)
                            + " sang dữ liệu cũ khác với bản đã ký — không được phép",
                    "A cross-reference table added after signing redirects object " + list(redirected)
                            + " to older bytes than the signed version — not permitted"));
        }
        Set<Integer> twice = definedTwice(pdf, (int) start, (int) Math.min(startxref, end));
        if (!twice.isEmpty()) {
            findings.add(new Explanation(OBJECT_DEFINED_TWICE,
                    "Đối tượng " + list(twice) + " được định nghĩa hai lần trong cùng một phần bổ sung sau khi ký"
                            + " — không được phép",
                    "Object " + list(twice) + " is defined twice in one section added after signing — not permitted"));
        }
        return findings;
    }

    /** Object numbers with more than one "n g obj" header in [from, to); stream data is skipped. */
    static Set<Integer> definedTwice(byte[] pdf, int from, int to) {
        Set<Integer> seen = new java.util.HashSet<>();
        Set<Integer> twice = new TreeSet<>();
        int i = from;
        while (i < to) {
            byte b = pdf[i];
            if ((b == 's') && PdfXref.startsWith(pdf, i, "stream") && (i == 0 || !Character.isLetter(pdf[i - 1]))
                    && !PdfXref.startsWith(pdf, i - 3, "endstream")) {
                int after = PdfXref.indexOf(pdf, "endstream", i + 6, Integer.MAX_VALUE);
                if (after < 0) {
                    break;
                }
                i = after + "endstream".length();
                continue;
            }
            if (b >= '0' && b <= '9' && (i == from || PdfXref.isSpace(pdf[i - 1]))) {
                long n = PdfXref.objectNumberAt(pdf, i);
                if (n >= 0 && !seen.add((int) n)) {
                    twice.add((int) n);
                }
                while (i < to && pdf[i] != 'j' && pdf[i] != '\n' && pdf[i] != '\r') {
                    i++;
                }
            }
            i++;
        }
        return twice;
    }

    /** The value after the last "startxref" in [from, to), or -1. */
    private static long startxref(byte[] pdf, long from, long to) {
        int at = -1;
        for (int i = (int) from; i + 9 <= to; i++) {
            if (pdf[i] == 's' && PdfXref.startsWith(pdf, i, "startxref")) {
                at = i;
            }
        }
        if (at < 0) {
            return -1;
        }
        int i = PdfXref.skipSpace(pdf, at + 9);
        long v = 0;
        int digits = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
            v = v * 10 + (pdf[i++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    /** One finding per code: several sections with the same trick are one story. */
    private static List<Explanation> merge(List<Explanation> findings) {
        Map<String, Explanation> byCode = new java.util.LinkedHashMap<>();
        for (Explanation f : findings) {
            byCode.putIfAbsent(f.code(), f);
        }
        return new ArrayList<>(byCode.values());
    }

    private static String list(Set<Integer> numbers) {
        Set<String> shown = numbers.stream().limit(MAX_LISTED).map(String::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return String.join(", ", shown) + (numbers.size() > MAX_LISTED ? ", …" : "");
    }
}
