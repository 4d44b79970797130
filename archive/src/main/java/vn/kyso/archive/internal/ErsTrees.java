package vn.kyso.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import vn.kyso.archive.EvidenceHash;

/**
 * RFC 4998 evidence records with BouncyCastle's ASN.1 types ({@code asn1.tsp}) and TSP, no I/O: the
 * Merkle tree of a batch of records ({@link MerkleTree}) and its one time-stamp request, the per-record evidence records once the TSA answered, and the
 * two renewals of RFC 4998 §5.2 (time-stamp renewal appends to the last chain, hash-tree renewal starts
 * a new chain over the data and every previous chain).
 *
 * <p>A record's leaf is a data group: the digests of its original, signed data and long-term copy, so
 * a verifier holding any of those files finds its hash in the first level of the record's reduced tree.
 */
final class ErsTrees {

    private static final SecureRandom NONCES = new SecureRandom();

    private ErsTrees() {
    }

    /**
     * One record's leaf.
     *
     * @param dataDigests the digests of its data objects under the tree's hash
     * @param previous    for a hash-tree renewal the record's evidence record so far, else null
     */
    record Leaf(List<byte[]> dataDigests, byte[] previous) {

        Leaf {
            dataDigests = List.copyOf(dataDigests);
            if (dataDigests.isEmpty()) {
                throw new IllegalArgumentException("a leaf needs at least one data object");
            }
        }
    }

    /** A batch's hash tree, waiting for the one time-stamp over its root. */
    static final class Tree {
        private final EvidenceHash hash;
        private final AlgorithmIdentifier algorithm;
        private final List<Leaf> leaves;
        private final List<byte[][]> firstLevels;
        private final MerkleTree merkle;
        private final TimeStampRequest request;

        private Tree(EvidenceHash hash, AlgorithmIdentifier algorithm, List<Leaf> leaves, List<byte[][]> firstLevels,
                MerkleTree merkle, TimeStampRequest request) {
            this.hash = hash;
            this.algorithm = algorithm;
            this.leaves = leaves;
            this.firstLevels = firstLevels;
            this.merkle = merkle;
            this.request = request;
        }

        /** The RFC 3161 request for the TSA. */
        TimeStampRequest request() {
            return request;
        }

        /** The root hash the time-stamp covers. */
        byte[] root() {
            return merkle.root();
        }

        int size() {
            return leaves.size();
        }

        EvidenceHash hash() {
            return hash;
        }
    }

    /** What renewal needs to know of a stored evidence record without reading its records. */
    record Info(EvidenceHash hash, int chains, Instant stampedAt, Instant tsaCertificateExpiry, String groupKey) {
    }

    static AlgorithmIdentifier algorithm(EvidenceHash hash) {
        return new DefaultDigestAlgorithmIdentifierFinder().find(hash.jcaName());
    }

    static byte[] hash(EvidenceHash hash, byte[]... parts) {
        java.security.MessageDigest md = MerkleTree.digest(hash);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /**
     * The tree over these leaves and its time-stamp request. A leaf's first partial hash tree holds the
     * digests of its data group; for a hash-tree renewal each is first bound to the record's previous
     * chains: H(h(d) || H(ArchiveTimeStampSequence)), RFC 4998 §5.2.
     */
    static Tree tree(EvidenceHash hash, List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a tree needs at least one record");
        }
        AlgorithmIdentifier algorithm = algorithm(hash);
        List<byte[][]> firstLevels = new ArrayList<>(leaves.size());
        List<byte[]> nodes = new ArrayList<>(leaves.size());
        for (Leaf leaf : leaves) {
            byte[] chains = leaf.previous() == null ? null : hash(hash, sequence(leaf.previous()));
            byte[][] values = new byte[leaf.dataDigests().size()][];
            for (int i = 0; i < values.length; i++) {
                byte[] d = leaf.dataDigests().get(i);
                values[i] = chains == null ? d : hash(hash, d, chains);
            }
            firstLevels.add(values);
            nodes.add(values.length == 1 ? values[0] : MerkleTree.branch(hash, values));
        }
        MerkleTree merkle = MerkleTree.of(hash, nodes);
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(algorithm, merkle.root(), new BigInteger(64, NONCES));
        return new Tree(hash, algorithm, List.copyOf(leaves), firstLevels, merkle, request);
    }

    /**
     * The evidence record of every leaf, in the leaves' order, once the TSA stamped the root: its data
     * group's hashes, then one sibling per level up to the root (RFC 4998 §4.2), and the time-stamp.
     */
    static List<byte[]> records(Tree tree, TimeStampResponse response) throws TSPException {
        byte[] imprint = response.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest();
        if (!java.util.Arrays.equals(imprint, tree.root())
                || !response.getTimeStampToken().getTimeStampInfo().getMessageImprintAlgOID()
                        .equals(tree.algorithm.getAlgorithm())) {
            throw new TSPException("the time-stamp is not over this tree's root");
        }
        ContentInfo token = response.getTimeStampToken().toCMSSignedData().toASN1Structure();
        List<byte[]> out = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            List<byte[]> path = tree.merkle.path(i);
            PartialHashtree[] reduced = new PartialHashtree[1 + path.size()];
            reduced[0] = new PartialHashtree(tree.firstLevels.get(i));
            for (int l = 0; l < path.size(); l++) {
                reduced[l + 1] = new PartialHashtree(path.get(l));
            }
            ArchiveTimeStamp ats = new ArchiveTimeStamp(tree.algorithm, reduced, token);
            byte[] previous = tree.leaves.get(i).previous();
            out.add(encode(previous == null ? new EvidenceRecord(null, null, ats)
                    : EvidenceRecord.getInstance(previous).addArchiveTimeStamp(ats, true)));
        }
        return out;
    }

    /**
     * The request of a time-stamp renewal: the hash of the last archive time-stamp's time-stamp, under
     * the chain's own algorithm (§5.2). Records stamped by the same tree share it, so one request
     * renews them all.
     */
    static TimeStampRequest renewalRequest(byte[] evidenceRecord) {
        ArchiveTimeStamp last = lastStamp(EvidenceRecord.getInstance(evidenceRecord));
        AlgorithmIdentifier algorithm = chainAlgorithm(EvidenceRecord.getInstance(evidenceRecord));
        byte[] imprint = hash(of(algorithm), encode(last.getTimeStamp()));
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return requests.generate(algorithm, imprint, new BigInteger(64, NONCES));
    }

    /** The evidence record with the renewal's archive time-stamp appended to its last chain. */
    static byte[] renewed(byte[] evidenceRecord, TimeStampResponse response) {
        ContentInfo token = response.getTimeStampToken().toCMSSignedData().toASN1Structure();
        return encode(EvidenceRecord.getInstance(evidenceRecord).addArchiveTimeStamp(new ArchiveTimeStamp(token),
                false));
    }

    /** Parses an evidence record: its current hash, chains, newest time-stamp and its TSA certificate's end. */
    static Info info(byte[] evidenceRecord) {
        EvidenceRecord er = EvidenceRecord.getInstance(evidenceRecord);
        ArchiveTimeStamp last = lastStamp(er);
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(last.getTimeStamp()));
            Instant expiry = null;
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = token.getCertificates();
            for (X509CertificateHolder c : certificates.getMatches(null)) {
                if (token.getSID().match(c)) {
                    expiry = c.getNotAfter().toInstant();
                }
            }
            return new Info(of(chainAlgorithm(er)), er.getArchiveTimeStampSequence().size(),
                    token.getTimeStampInfo().getGenTime().toInstant(), expiry,
                    Digests.sha256(encode(last.getTimeStamp())));
        } catch (CMSException | TSPException | IOException e) {
            throw new IllegalStateException("an evidence record's archive time-stamp cannot be read", e);
        }
    }

    /** Checks that the TSA's answer is for this request (imprint, nonce, status) before anything is built on it. */
    static TimeStampResponse answer(TimeStampRequest request, byte[] response) throws TSPException, IOException {
        TimeStampResponse r = new TimeStampResponse(response);
        r.validate(request);
        TimeStampToken token = r.getTimeStampToken();
        if (token == null) {
            throw new TSPException("the TSA refused: " + r.getStatusString());
        }
        // The token's signature under the certificate it names: a damaged answer never becomes evidence.
        // Whether that TSA is trusted is the verifier's question, asked against its own anchors.
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certificates = token.getCertificates();
        for (X509CertificateHolder c : certificates.getMatches(null)) {
            if (token.getSID().match(c)) {
                try {
                    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(c));
                    return r;
                } catch (OperatorCreationException | java.security.cert.CertificateException e) {
                    throw new TSPException("the TSA's certificate cannot be used: " + e.getMessage(), e);
                }
            }
        }
        throw new TSPException("the TSA's answer carries no signing certificate");
    }

    private static ArchiveTimeStamp lastStamp(EvidenceRecord er) {
        ArchiveTimeStampChain[] chains = er.getArchiveTimeStampSequence().getArchiveTimeStampChains();
        ArchiveTimeStamp[] stamps = chains[chains.length - 1].getArchiveTimestamps();
        return stamps[stamps.length - 1];
    }

    /** The hash of the last chain: its first archive time-stamp's (explicit, or its time-stamp's imprint). */
    private static AlgorithmIdentifier chainAlgorithm(EvidenceRecord er) {
        ArchiveTimeStampChain[] chains = er.getArchiveTimeStampSequence().getArchiveTimeStampChains();
        return chains[chains.length - 1].getArchiveTimestamps()[0].getDigestAlgorithmIdentifier();
    }

    /** DER of the record's ArchiveTimeStampSequence: what a hash-tree renewal binds each data digest to. */
    private static byte[] sequence(byte[] evidenceRecord) {
        return encode(EvidenceRecord.getInstance(evidenceRecord).getArchiveTimeStampSequence());
    }

    private static EvidenceHash of(AlgorithmIdentifier algorithm) {
        for (EvidenceHash h : EvidenceHash.values()) {
            if (new DefaultDigestAlgorithmIdentifierFinder().find(h.jcaName()).getAlgorithm()
                    .equals(algorithm.getAlgorithm())) {
                return h;
            }
        }
        throw new IllegalStateException("an evidence record uses an unknown hash " + algorithm.getAlgorithm());
    }

    private static byte[] encode(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return o.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
