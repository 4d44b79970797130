package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignatureScope;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.kyso.validation.Explanation;

/**
 * What a signed container hides, whoever signed it (issue #10 item 6): files no signature covers, entry
 * names that two readers resolve to different files, local headers that disagree with the central
 * directory, bytes outside any entry, and a wrong {@code mimetype}. Each is a finding with a stable code;
 * any finding keeps the document from being VALID, because a reader other than ours may show content
 * that was never signed.
 */
final class ContainerFindings {

    /** The container findings; codes are stable, append new ones at the end. */
    enum Finding {
        CONTAINER_UNCOVERED_ENTRY(
                "Gói có tệp không được chữ ký nào bảo vệ: %s",
                "The container holds files no signature covers: %s"),
        CONTAINER_ASICS_EXTRA_DATA(
                "Gói ASiC-S chỉ được chứa một tệp dữ liệu nhưng có nhiều hơn: %s",
                "An ASiC-S container may hold one data file but holds more: %s"),
        CONTAINER_DUPLICATE_ENTRY(
                "Gói có các tệp trùng tên (kể cả khác nhau chỉ ở chữ hoa/thường hoặc cách mã hóa Unicode): %s",
                "The container holds entries with the same name (also differing only in case or Unicode "
                        + "normalisation): %s"),
        CONTAINER_UNSAFE_ENTRY_NAME(
                "Gói có tệp với tên không an toàn (đường dẫn tuyệt đối, \"../\" hoặc ký tự điều khiển): %s",
                "The container holds entries with unsafe names (absolute paths, \"../\" or control "
                        + "characters): %s"),
        CONTAINER_HEADER_MISMATCH(
                "Phần đầu cục bộ và thư mục trung tâm của gói mô tả khác nhau: %s",
                "The container's local headers and its central directory disagree: %s"),
        CONTAINER_EXTRA_DATA(
                "Gói có dữ liệu nằm ngoài mọi tệp: %s",
                "The container holds data outside any entry: %s"),
        CONTAINER_OVERLAPPING_ENTRIES(
                "Các tệp trong gói chồng lên nhau: %s",
                "Entries of the container overlap: %s"),
        CONTAINER_MIMETYPE(
                "Tệp \"mimetype\" của gói ASiC không đúng quy định: %s",
                "The ASiC container's \"mimetype\" entry is not as required: %s"),
        /** A note, not a finding: the layout deviates from EN 319 162-1, no content is hidden by it. */
        CONTAINER_MIMETYPE_NOT_FIRST(
                "Tệp \"mimetype\" không nằm đầu gói như ETSI EN 319 162-1 quy định%s: phần mềm nhận dạng gói "
                        + "theo các byte đầu có thể không nhận ra gói ASiC; nội dung đã ký không bị ảnh hưởng",
                "The \"mimetype\" entry is not the container's first entry as ETSI EN 319 162-1 requires%s: tools "
                        + "that recognise the container by its first bytes may not see it as ASiC; the signed "
                        + "content is not affected");

        private final String vi;
        private final String en;

        Finding(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        Explanation explain(String viDetail, String enDetail) {
            return new Explanation(name(), vi.formatted(viDetail), en.formatted(enDetail));
        }
    }

    /** Codes that describe the container's layout without changing the verdict (shown after it). */
    static final Set<String> NOTES = Set.of(Finding.CONTAINER_MIMETYPE_NOT_FIRST.name());

    private static final int MAX_NAMES = 5;
    private static final Set<String> ASIC_MIMETYPES = Set.of("application/vnd.etsi.asic-e+zip",
            "application/vnd.etsi.asic-s+zip");

    private final byte[] zip;
    private final ZipStructure.Archive archive;
    private final List<String> names = new ArrayList<>();
    private final List<Explanation> findings = new ArrayList<>();

    private ContainerFindings(byte[] zip, ZipStructure.Archive archive) {
        this.zip = zip;
        this.archive = archive;
        for (ZipStructure.Entry e : archive.entries()) {
            names.add(EntryNames.decode(e.central().name(), e.central().flags()));
        }
    }

    /** The findings on a container DSS has validated; none for a clean one. */
    static List<Explanation> of(byte[] zip, DiagnosticData diagnostic) {
        ContainerFindings checks = structure(zip);
        if (checks == null) {
            return List.of(unreadableDirectory());
        }
        checks.coverage(diagnostic);
        checks.mimetype(diagnostic.getContainerType());
        return List.copyOf(checks.findings);
    }

    /**
     * The findings that need no signature, for a container that DSS or the input guard could not read:
     * when they explain why, the report says so instead of a bare refusal.
     */
    static List<Explanation> structural(byte[] zip) {
        ContainerFindings checks = structure(zip);
        // a ZIP that is no signature container at all stays "unsupported"
        if (checks == null || checks.names.stream().noneMatch(n -> n.equals("mimetype")
                || n.startsWith("META-INF/"))) {
            return List.of();
        }
        checks.mimetype(null);
        return List.copyOf(checks.findings);
    }

    private static ContainerFindings structure(byte[] zip) {
        ZipStructure.Archive archive;
        try {
            archive = ZipStructure.read(zip);
        } catch (IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            return null;
        }
        ContainerFindings checks = new ContainerFindings(zip, archive);
        checks.names();
        checks.headers();
        checks.layout();
        return checks;
    }

    private static Explanation unreadableDirectory() {
        // ZipGuard refuses such a container before DSS sees it; this is only a safety net
        return Finding.CONTAINER_HEADER_MISMATCH.explain("không đọc được thư mục trung tâm",
                "the central directory cannot be read");
    }

    private void coverage(DiagnosticData diagnostic) {
        Set<String> covered = new HashSet<>();
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            for (XmlSignatureScope scope : s.getSignatureScopes()) {
                if (scope.getName() != null) {
                    covered.add(scope.getName());
                }
            }
        }
        List<String> data = names.stream().filter(n -> !n.startsWith("META-INF/") && !n.equals("mimetype")
                && !n.endsWith("/")).toList();
        if (diagnostic.getContainerType() == ASiCContainerType.ASiC_S && data.size() > 1) {
            add(Finding.CONTAINER_ASICS_EXTRA_DATA, list(data));
        }
        List<String> uncovered = data.stream().filter(n -> !covered.contains(n)).toList();
        if (!uncovered.isEmpty() && !diagnostic.getSignatures().isEmpty()) {
            add(Finding.CONTAINER_UNCOVERED_ENTRY, list(uncovered));
        }
    }

    private void names() {
        Map<String, List<String>> byKey = new HashMap<>();
        Set<String> unsafe = new LinkedHashSet<>();
        for (String name : names) {
            byKey.computeIfAbsent(Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(name);
            if (EntryNames.unsafe(name)) {
                unsafe.add(name);
            }
        }
        Set<String> duplicates = new LinkedHashSet<>();
        byKey.values().stream().filter(l -> l.size() > 1).forEach(duplicates::addAll);
        if (!duplicates.isEmpty()) {
            add(Finding.CONTAINER_DUPLICATE_ENTRY, list(duplicates));
        }
        if (!unsafe.isEmpty()) {
            add(Finding.CONTAINER_UNSAFE_ENTRY_NAME, list(unsafe));
        }
    }

    private void headers() {
        List<Detail> differing = new ArrayList<>();
        for (ZipStructure.Entry e : archive.entries()) {
            String name = names.get(e.index());
            if (e.local().isEmpty()) {
                differing.add(new Detail(name + " (không có phần đầu cục bộ)", name + " (no local header)"));
                continue;
            }
            ZipStructure.Header c = e.central();
            ZipStructure.Header l = e.local().get();
            List<Detail> what = new ArrayList<>();
            if (!Arrays.equals(c.name(), l.name())) {
                String local = EntryNames.decode(l.name(), l.flags());
                what.add(new Detail("tên " + local, "name " + local));
            }
            int significant = ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_DESCRIPTOR | ZipStructure.FLAG_UTF8;
            if ((c.flags() & significant) != (l.flags() & significant)) {
                what.add(new Detail("cờ", "flags"));
            }
            if (c.method() != l.method()) {
                what.add(new Detail("phương pháp nén", "method"));
            }
            boolean deferred = (l.flags() & ZipStructure.FLAG_DESCRIPTOR) != 0;
            ZipStructure.Header sizes = deferred ? e.descriptor().orElse(null) : l;
            if (sizes == null) {
                what.add(new Detail("thiếu bản mô tả dữ liệu", "data descriptor missing"));
            } else {
                if (sizes.crc() != c.crc()) {
                    what.add(new Detail("CRC", "CRC"));
                }
                if (sizes.compressedSize() != c.compressedSize() || sizes.size() != c.size()) {
                    what.add(new Detail("kích thước", "sizes"));
                }
            }
            if (deferred && (l.crc() != 0 && l.crc() != c.crc() || l.size() != 0 && l.size() != c.size())) {
                what.add(new Detail("giá trị cục bộ", "local values"));
            }
            if (!what.isEmpty()) {
                differing.add(new Detail(name + " (" + join(what, true, ", ") + ")",
                        name + " (" + join(what, false, ", ") + ")"));
            }
        }
        sequentialView().ifPresent(differing::add);
        if (!differing.isEmpty()) {
            add(Finding.CONTAINER_HEADER_MISMATCH, differing, ", ");
        }
    }

    /** What a reader walking local headers from the start (DSS, java.util.zip) sees, against the directory. */
    private java.util.Optional<Detail> sequentialView() {
        List<String> walked = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                walked.add(entry.getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.of(new Detail("không đọc được các phần đầu cục bộ từ đầu tệp",
                    "local headers unreadable from the start"));
        }
        List<String> listed = archive.entries().stream()
                .map(e -> new String(e.central().name(), StandardCharsets.ISO_8859_1)).sorted().toList();
        List<String> seen = walked.stream().sorted().toList();
        if (!listed.equals(seen)) {
            List<String> hidden = new ArrayList<>(seen);
            listed.forEach(hidden::remove);
            List<String> missing = new ArrayList<>(listed);
            seen.forEach(missing::remove);
            return java.util.Optional.of(new Detail("đọc tuần tự thấy thêm " + hidden + ", thiếu " + missing,
                    "read in order: +" + hidden + " −" + missing));
        }
        return java.util.Optional.empty();
    }

    private void layout() {
        List<ZipStructure.Entry> byOffset = archive.entries().stream().filter(e -> e.end() >= 0)
                .sorted(Comparator.comparingLong(ZipStructure.Entry::localOffset)).toList();
        List<Detail> extra = new ArrayList<>();
        List<Detail> overlapping = new ArrayList<>();
        long expected = 0;
        String previous = null;
        for (ZipStructure.Entry e : byOffset) {
            String name = names.get(e.index());
            if (e.localOffset() < expected) {
                overlapping.add(new Detail(previous + " / " + name, previous + " / " + name));
            } else if (e.localOffset() > expected) {
                long n = e.localOffset() - expected;
                extra.add(previous == null
                        ? new Detail(n + " byte trước tệp đầu tiên", n + " bytes before the first entry")
                        : new Detail(n + " byte sau " + previous, n + " bytes after " + previous));
            }
            expected = Math.max(expected, e.end());
            previous = name;
        }
        if (expected > archive.centralStart()) {
            overlapping.add(new Detail(previous + " / thư mục trung tâm", previous + " / central directory"));
        } else if (expected < archive.centralStart()) {
            long n = archive.centralStart() - expected;
            extra.add(previous == null
                    ? new Detail(n + " byte trước thư mục trung tâm", n + " bytes before the directory")
                    : new Detail(n + " byte sau " + previous, n + " bytes after " + previous));
        }
        if (archive.trailing() > 0) {
            extra.add(new Detail(archive.trailing() + " byte sau phần kết thúc của gói",
                    archive.trailing() + " bytes after the end of the archive"));
        }
        if (!extra.isEmpty()) {
            add(Finding.CONTAINER_EXTRA_DATA, extra, "; ");
        }
        if (!overlapping.isEmpty()) {
            add(Finding.CONTAINER_OVERLAPPING_ENTRIES, overlapping, ", ");
        }
    }

    private void mimetype(ASiCContainerType type) {
        int index = names.indexOf("mimetype");
        if (index < 0) {
            return;
        }
        ZipStructure.Entry entry = archive.entries().get(index);
        List<Detail> problems = new ArrayList<>();
        if (index != 0 || entry.localOffset() != 0) {
            // a misplaced but otherwise correct mimetype hides nothing: said as a note, not a finding
            add(Finding.CONTAINER_MIMETYPE_NOT_FIRST, "");
        }
        if (entry.central().method() != ZipEntry.STORED) {
            problems.add(new Detail("bị nén", "compressed"));
        } else if (entry.end() >= 0) {
            int length = (int) Math.min(entry.central().compressedSize(), 256);
            String content = new String(zip, (int) entry.dataStart(), Math.max(0, Math.min(length,
                    zip.length - (int) entry.dataStart())), StandardCharsets.US_ASCII);
            String wanted = type == ASiCContainerType.ASiC_S ? "application/vnd.etsi.asic-s+zip"
                    : type == ASiCContainerType.ASiC_E ? "application/vnd.etsi.asic-e+zip" : null;
            if (wanted != null ? !content.equals(wanted) : !ASIC_MIMETYPES.contains(content)) {
                String shown = "\"" + content.replaceAll("\\p{Cntrl}", "?") + "\"";
                problems.add(new Detail("nội dung " + shown, "content " + shown));
            }
        }
        if (Collections.frequency(names, "mimetype") > 1) {
            problems.add(new Detail("xuất hiện nhiều lần", "present more than once"));
        }
        if (!problems.isEmpty()) {
            add(Finding.CONTAINER_MIMETYPE, problems, ", ");
        }
    }

    private void add(Finding finding, String detail) {
        findings.add(finding.explain(detail, detail));
    }

    private void add(Finding finding, List<Detail> details, String separator) {
        List<Detail> shown = details.stream().limit(MAX_NAMES).toList();
        String more = details.size() > MAX_NAMES ? separator + "… (" + details.size() + ")" : "";
        findings.add(finding.explain(join(shown, true, separator) + more, join(shown, false, separator) + more));
    }

    private static String join(List<Detail> details, boolean vi, String separator) {
        return String.join(separator, details.stream().map(d -> vi ? d.vi() : d.en()).toList());
    }

    /** A detail of a finding in both languages; names and numbers are the same in both. */
    private record Detail(String vi, String en) {
    }

    private static String list(java.util.Collection<String> items) {
        String shown = String.join(", ", items.stream().limit(MAX_NAMES).toList());
        return items.size() > MAX_NAMES ? shown + ", … (" + items.size() + ")" : shown;
    }
}
