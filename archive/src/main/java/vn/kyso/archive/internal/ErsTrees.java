package vn.kyso.archive.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import org.bouncycastle.tsp.ers.ERSException;
import org.bouncycastle.util.Store;
import vn.kyso.archive.EvidenceHash;

/**
 * RFC 4998 evidence records with BouncyCastle's {@code tsp.ers}, no I/O: the Merkle tree of a batch of
 * records and its one time-stamp request, the per-record evidence records once the TSA answered, and the
 * two renewals of RFC 4998 §5.2 (time-stamp renewal appends to the last chain, hash-tree renewal starts
 * a new chain over the data and every previous chain).
 *
 * <p>A record's leaf is a data group: the digests of its original, signed data and long-term copy, so
 * a verifier holding any of those files finds its hash in the first level of the record's reduced tree.
 */
final class ErsTrees {

    private static final DigestCalculatorProvider DIGESTS;
    private static final SecureRandom NONCES = new SecureRandom();

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

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
        private final List<Leaf> leaves;
        private final ERSArchiveTimeStampGenerator generator;
        private final TimeStampRequest request;

        private Tree(EvidenceHash hash, List<Leaf> leaves, ERSArchiveTimeStampGenerator generator,
                TimeStampRequest request) {
            this.hash = hash;
            this.leaves = leaves;
            this.generator = generator;
            this.request = request;
        }

        /** The RFC 3161 request for the TSA. */
        TimeStampRequest request() {
            return request;
        }

        /** The root hash the time-stamp covers. */
        byte[] root() {
            return request.getMessageImprintDigest();
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

    static DigestCalculator digest(EvidenceHash hash) {
        try {
            return DIGESTS.get(new DefaultDigestAlgorithmIdentifierFinder().find(hash.jcaName()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest " + hash, e);
        }
    }

    static byte[] hash(EvidenceHash hash, byte[]... parts) {
        DigestCalculator d = digest(hash);
        try (OutputStream out = d.getOutputStream()) {
            for (byte[] p : parts) {
                out.write(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d.getDigest();
    }

    /**
     * The tree over these leaves and its time-stamp request. For a hash-tree renewal each data digest
     * is bound to the record's previous chains first: H(h(d) || H(ArchiveTimeStampSequence)), §5.2.
     */
    static Tree tree(EvidenceHash hash, List<Leaf> leaves) {
        ERSArchiveTimeStampGenerator generator = new ERSArchiveTimeStampGenerator(digest(hash));
        List<ERSData> data = new ArrayList<>(leaves.size());
        for (Leaf leaf : leaves) {
            byte[] chains = leaf.previous() == null ? null : hash(hash, sequence(leaf.previous()));
            List<ERSData> members = new ArrayList<>(leaf.dataDigests().size());
            for (byte[] d : leaf.dataDigests()) {
                members.add(new Digested(chains == null ? d : hash(hash, d, chains)));
            }
            data.add(members.size() == 1 ? members.get(0) : new ERSDataGroup(members));
        }
        generator.addAllData(data);
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = generator.generateTimeStampRequest(requests, new BigInteger(64, NONCES));
            return new Tree(hash, List.copyOf(leaves), generator, request);
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot build the time-stamp request of a hash tree", e);
        }
    }

    /** The evidence record of every leaf, in the leaves' order, once the TSA stamped the root. */
    static List<byte[]> records(Tree tree, TimeStampResponse response) throws ERSException, TSPException {
        List<ERSArchiveTimeStamp> stamps = tree.generator.generateArchiveTimeStamps(response);
        if (stamps.size() != tree.leaves.size()) {
            // BouncyCastle folds a one-leaf tree into one archive time-stamp without a reduced tree.
            if (!(tree.leaves.size() == 1 && stamps.size() == 1)) {
                throw new ERSException("the generator made " + stamps.size() + " archive time-stamps for "
                        + tree.leaves.size() + " records");
            }
        }
        List<byte[]> out = new ArrayList<>(stamps.size());
        if (tree.leaves.get(0).previous() == null) {
            for (ERSEvidenceRecord r : new ERSEvidenceRecordGenerator(DIGESTS).generate(stamps)) {
                out.add(encode(r.toASN1Structure()));
            }
            return out;
        }
        for (int i = 0; i < stamps.size(); i++) {
            EvidenceRecord previous = EvidenceRecord.getInstance(tree.leaves.get(i).previous());
            out.add(encode(previous.addArchiveTimeStamp(stamps.get(i).toASN1Structure(), true)));
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
        if (r.getTimeStampToken() == null) {
            throw new TSPException("the TSA refused: " + r.getStatusString());
        }
        return r;
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

    /** A data object known by its digest only: the catalogue's, or one bound to previous chains. */
    private record Digested(byte[] digest) implements ERSData {

        Digested {
            Objects.requireNonNull(digest);
        }

        @Override
        public byte[] getHash(DigestCalculator calculator, byte[] previousChainHash) {
            // Bound to the record's own previous chains by tree(); the generator's shared chain hash
            // (one per generator) cannot express a batch of records with different histories.
            return digest;
        }
    }
}
