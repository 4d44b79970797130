package vn.kyso.archive.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.kyso.archive.EvidenceHash;

/**
 * The binary hash tree of RFC 4998 §4.2 over a batch of records, built level by level in O(n) hashes:
 * a parent is the hash of its two children concatenated in binary ascending order; an odd node at the
 * end of a level moves up unchanged. Kept whole so each leaf's path (one sibling per level) is read in
 * O(log n).
 *
 * <p>Ours rather than BouncyCastle's {@code ERSArchiveTimeStampGenerator}: that one keeps the leaves in
 * a sorted {@code LinkedList} filled by indexed inserts, and did not finish a tree of 16,384 records in
 * four minutes on this machine (ADR 0023); BouncyCastle's ASN.1 types and verifier are still used.
 */
final class MerkleTree {

    private final List<List<byte[]>> levels;

    private MerkleTree(List<List<byte[]>> levels) {
        this.levels = levels;
    }

    static MerkleTree of(EvidenceHash hash, List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("no leaves");
        }
        MessageDigest md = digest(hash);
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> level = List.copyOf(leaves);
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(branch(md, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    byte[] root() {
        return levels.get(levels.size() - 1).get(0);
    }

    /** The siblings on the way from leaf {@code index} to the root, lowest first; none where a node moved up alone. */
    List<byte[]> path(int index) {
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            List<byte[]> level = levels.get(l);
            int sibling = i % 2 == 0 ? i + 1 : i - 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling));
            }
            i /= 2;
        }
        return path;
    }

    /** The hash of several values concatenated in binary ascending order: a data group's node, §4.2. */
    static byte[] branch(EvidenceHash hash, byte[][] values) {
        byte[][] sorted = values.clone();
        Arrays.sort(sorted, Arrays::compareUnsigned);
        MessageDigest md = digest(hash);
        for (byte[] v : sorted) {
            md.update(v);
        }
        return md.digest();
    }

    private static byte[] branch(MessageDigest md, byte[] a, byte[] b) {
        if (Arrays.compareUnsigned(a, b) <= 0) {
            md.update(a);
            md.update(b);
        } else {
            md.update(b);
            md.update(a);
        }
        return md.digest();
    }

    static MessageDigest digest(EvidenceHash hash) {
        try {
            return MessageDigest.getInstance(hash.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no " + hash.jcaName() + " in this JVM", e);
        }
    }
}
