package vn.kyso.archive.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.EvidenceHash;
import vn.kyso.archive.EvidenceRecordSettings;
import vn.kyso.demopki.DemoPki;
import vn.kyso.validation.ValidationFixture;

/**
 * Evidence-record renewal at 10,000 and 100,000 records (ADR 0023), on the evidence layer the job
 * runs: the catalogue's digests of each record's original and long-term copy (random here, as a
 * catalogue holds them), trees of the default size time-stamped by the demo PKI's RFC 3161 TSA over
 * loopback HTTP, one DER evidence record per record; then a time-stamp renewal and a hash-tree
 * renewal (to SHA-512) of the same records. Not measured: the object-store puts and catalogue rows of
 * the new evidence objects (one each per record, as any renewal writes). Baseline, same run: the
 * per-record renewal's floor, one TSA round trip per record (measured on 300 single requests).
 * Writes target/bench/evidence-records.md.
 */
@Tag("benchmark")
class EvidenceRecordBenchmark {

    static final int[] SIZES = {10_000, 100_000};
    static final int TREE = Integer.getInteger("bench.ers.tree", EvidenceRecordSettings.disabled().treeSize());
    static final int VERIFY_SAMPLE = 500;
    static final SecureRandom RANDOM = new SecureRandom();

    record Run(int records, long tsaCalls, double buildSeconds, double timeStampRenewalSeconds,
            double hashRenewalSeconds, double meanErBytes, double meanTreeBytes, int maxTreeLevels,
            double verifyMillis, long renewalCalls) {
    }

    @Test
    void renewalOf10kAnd100kRecords() throws Exception {
        DemoPki pki = ValidationFixture.pki();
        TimeStamper tsa = new TimeStamper(pki.tsaUrl(), Duration.ofSeconds(30));
        SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsaCertificate());

        // Warm up: JIT, the TSA's key, the HTTP connection.
        run(2 * TREE, tsa, verifier);
        double perRecordTsaMillis = baseline(tsa, 300);

        List<Run> runs = new ArrayList<>();
        for (int n : SIZES) {
            runs.add(run(n, tsa, verifier));
        }
        report(runs, perRecordTsaMillis, generatorComparison());
    }

    /**
     * Why the tree is ours: BouncyCastle's ERSArchiveTimeStampGenerator against MerkleTree on the same
     * leaves (root and time-stamp request only, no TSA), at two small sizes.
     */
    static String generatorComparison() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int n : new int[] {1_024, 4_096}) {
            List<ErsTrees.Leaf> leaves = new ArrayList<>(n);
            List<org.bouncycastle.tsp.ers.ERSData> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] content = random(64);
                leaves.add(new ErsTrees.Leaf(List.of(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(content)), null));
                data.add(new org.bouncycastle.tsp.ers.ERSByteData(content));
            }
            long t0 = System.nanoTime();
            ErsTrees.tree(EvidenceHash.SHA_256, leaves);
            double ours = (System.nanoTime() - t0) / 1e6;
            org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator bc = new org.bouncycastle.tsp.ers
                    .ERSArchiveTimeStampGenerator(new JcaDigestCalculatorProviderBuilder().build()
                            .get(ErsTrees.algorithm(EvidenceHash.SHA_256)));
            bc.addAllData(data);
            long t1 = System.nanoTime();
            bc.generateTimeStampRequest(new TimeStampRequestGenerator());
            double theirs = (System.nanoTime() - t1) / 1e6;
            out.append(String.format(Locale.ROOT, "%,d leaves: MerkleTree %.1f ms, BouncyCastle's generator %.1f ms"
                    + " (×%.0f); ", n, ours, theirs, theirs / ours));
        }
        return out.toString();
    }

    /** The per-record renewal's floor: one time-stamp round trip per record, in ms. */
    static double baseline(TimeStamper tsa, int calls) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            byte[] digest = new byte[32];
            RANDOM.nextBytes(digest);
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            TimeStampRequest request = g.generate(ErsTrees.algorithm(EvidenceHash.SHA_256), digest);
            ErsTrees.answer(request, tsa.stamp(request.getEncoded()));
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }

    static Run run(int records, TimeStamper tsa, SignerInformationVerifier verifier) throws Exception {
        long callsBefore = tsa.calls();
        long build = 0;
        long timeStampRenewal = 0;
        long hashRenewal = 0;
        long erBytes = 0;
        long treeBytes = 0;
        int maxLevels = 0;
        long renewalCalls = 0;
        long verifyNanos = 0;
        int verified = 0;
        for (int from = 0; from < records; from += TREE) {
            int size = Math.min(TREE, records - from);
            List<List<byte[]>> data = new ArrayList<>(size);
            List<ErsTrees.Leaf> leaves = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                List<byte[]> digests = List.of(random(32), random(32));
                data.add(digests);
                leaves.add(new ErsTrees.Leaf(digests, null));
            }
            // First evidence records: the tree, one TSA call, one DER record per leaf.
            long t0 = System.nanoTime();
            ErsTrees.Tree tree = ErsTrees.tree(EvidenceHash.SHA_256, leaves);
            TimeStampResponse answer = ErsTrees.answer(tree.request(), tsa.stamp(tree.request().getEncoded()));
            List<byte[]> ers = ErsTrees.records(tree, answer);
            build += System.nanoTime() - t0;

            for (byte[] er : ers) {
                erBytes += er.length;
                ArchiveTimeStamp ats = EvidenceRecord.getInstance(er).getArchiveTimeStampSequence()
                        .getArchiveTimeStampChains()[0].getArchiveTimestamps()[0];
                PartialHashtree[] reduced = ats.getReducedHashTree();
                int levels = reduced == null ? 0 : reduced.length;
                maxLevels = Math.max(maxLevels, levels);
                for (int l = 0; l < levels; l++) {
                    for (byte[] v : reduced[l].getValues()) {
                        treeBytes += v.length;
                    }
                }
            }
            // Per-record verification, offline: the record's data in its tree, the root under the token,
            // the TSA's signature (BouncyCastle's ERS verifier; DSS's verdicts are in EvidenceRecordsTest).
            int step = Math.max(1, size / Math.max(1, VERIFY_SAMPLE * TREE / records));
            for (int i = 0; i < size; i += step) {
                long v0 = System.nanoTime();
                ERSEvidenceRecord parsed = new ERSEvidenceRecord(ers.get(i),
                        new JcaDigestCalculatorProviderBuilder().build());
                for (byte[] d : data.get(i)) {
                    parsed.validatePresent(false, d, new Date());
                }
                parsed.validate(verifier);
                verifyNanos += System.nanoTime() - v0;
                verified++;
            }

            // Time-stamp renewal of the tree's records: one call, one append per record.
            long t1 = System.nanoTime();
            long c1 = tsa.calls();
            TimeStampRequest renewal = ErsTrees.renewalRequest(ers.get(0));
            TimeStampResponse renewed = ErsTrees.answer(renewal, tsa.stamp(renewal.getEncoded()));
            List<byte[]> afterRenewal = new ArrayList<>(size);
            for (byte[] er : ers) {
                afterRenewal.add(ErsTrees.renewed(er, renewed));
            }
            timeStampRenewal += System.nanoTime() - t1;

            // Hash-tree renewal to SHA-512: rehash data + previous chains, a new tree, one call.
            long t2 = System.nanoTime();
            List<ErsTrees.Leaf> rehashed = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                rehashed.add(new ErsTrees.Leaf(List.of(random(64), random(64)), afterRenewal.get(i)));
            }
            ErsTrees.Tree next = ErsTrees.tree(EvidenceHash.SHA_512, rehashed);
            ErsTrees.records(next, ErsTrees.answer(next.request(), tsa.stamp(next.request().getEncoded())));
            hashRenewal += System.nanoTime() - t2;
            renewalCalls += tsa.calls() - c1;
        }
        long firstCalls = tsa.calls() - callsBefore - renewalCalls;
        return new Run(records, firstCalls, build / 1e9, timeStampRenewal / 1e9, hashRenewal / 1e9,
                (double) erBytes / records, (double) treeBytes / records, maxLevels, verifyNanos / 1e6 / verified,
                renewalCalls);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static void report(List<Run> runs, double perRecordTsaMillis, String generators) throws Exception {
        Run small = runs.get(0);
        Run large = runs.get(runs.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("## Evidence records (RFC 4998), ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, trees of ").append(TREE).append(" records\n\n");
        md.append("| records | TSA calls (first) | build s | per record µs | time-stamp renewal s | hash-tree renewal s |"
                + " renewal TSA calls | ER bytes | reduced-tree bytes | tree levels | verify ms/record |"
                + " per-record renewal floor s (baseline) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT,
                    "| %,d | %d | %.2f | %.1f | %.2f | %.2f | %d | %.0f | %.0f | %d | %.3f | %.1f |%n",
                    r.records(), r.tsaCalls(), r.buildSeconds(), r.buildSeconds() * 1e6 / r.records(),
                    r.timeStampRenewalSeconds(), r.hashRenewalSeconds(), r.renewalCalls(), r.meanErBytes(),
                    r.meanTreeBytes(), r.maxTreeLevels(), r.verifyMillis(),
                    r.records() * perRecordTsaMillis / 1000));
        }
        double growth = (double) large.records() / small.records();
        md.append(String.format(Locale.ROOT, "%nGrowth %,d → %,d records (×%.0f): TSA calls ×%.1f, build time ×%.1f,"
                + " time-stamp renewal ×%.1f, hash-tree renewal ×%.1f, evidence record bytes ×%.2f, reduced-tree"
                + " bytes ×%.2f, verification per record ×%.2f.%n",
                small.records(), large.records(), growth, (double) large.tsaCalls() / small.tsaCalls(),
                large.buildSeconds() / small.buildSeconds(),
                large.timeStampRenewalSeconds() / small.timeStampRenewalSeconds(),
                large.hashRenewalSeconds() / small.hashRenewalSeconds(), large.meanErBytes() / small.meanErBytes(),
                large.meanTreeBytes() / small.meanTreeBytes(), large.verifyMillis() / small.verifyMillis()));
        md.append(String.format(Locale.ROOT, "Baseline, same run: one TSA round trip %.2f ms, so renewing %,d records"
                + " one at a time needs %,d TSA calls and at least %.1f s of round trips; evidence records: %d calls"
                + " in %.2f s (×%.0f faster than that floor).%n", perRecordTsaMillis, large.records(), large.records(),
                large.records() * perRecordTsaMillis / 1000, large.tsaCalls(), large.buildSeconds(),
                large.records() * perRecordTsaMillis / 1000 / large.buildSeconds()));
        md.append("Tree building alone, same run: ").append(generators).append('\n');
        System.out.println(md);
        Path out = Path.of("target/bench/evidence-records.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }
}
