package org.trustledger.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test oracle written straight from the RFC 6962 §2.1 / RFC 9162 §2.1 recursive definitions (MTH,
 * PATH, PROOF/SUBPROOF) over an explicit leaf list, plus recursive verifiers that undo those
 * definitions. Deliberately shares no code with MerkleTree or MerkleVerifier, and favours
 * obviousness over speed.
 */
public final class Rfc6962Reference {

    private Rfc6962Reference() {
    }

    public static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    public static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Hashes.sha256(new byte[0]);
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return Hashes.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    public static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    public static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    public static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** Root implied by an inclusion proof, undoing PATH from the top (the last element); null if malformed. */
    public static byte[] rootFromPath(int m, int n, byte[] leaf, List<byte[]> proof) {
        if (n == 1) {
            return proof.isEmpty() ? leaf : null;
        }
        if (proof.isEmpty()) {
            return null;
        }
        byte[] sibling = proof.get(proof.size() - 1);
        List<byte[]> rest = proof.subList(0, proof.size() - 1);
        int k = k(n);
        if (m < k) {
            byte[] left = rootFromPath(m, k, leaf, rest);
            return left == null ? null : Hashes.nodeHash(left, sibling);
        }
        byte[] right = rootFromPath(m - k, n - k, leaf, rest);
        return right == null ? null : Hashes.nodeHash(sibling, right);
    }

    public static boolean verifyPath(int m, int n, byte[] leaf, List<byte[]> proof, byte[] root) {
        byte[] r = rootFromPath(m, n, leaf, proof);
        return r != null && Arrays.equals(r, root);
    }

    /** {old, new} roots implied by SUBPROOF(m, D[n], b), undone from the top; null if malformed. */
    public static byte[][] rootsFromSubproof(int m, int n, boolean b, byte[] oldRoot, List<byte[]> proof) {
        if (m == n) {
            if (b) {
                return proof.isEmpty() ? new byte[][] {oldRoot, oldRoot} : null;
            }
            return proof.size() == 1 ? new byte[][] {proof.get(0), proof.get(0)} : null;
        }
        if (proof.isEmpty()) {
            return null;
        }
        byte[] sibling = proof.get(proof.size() - 1);
        List<byte[]> rest = proof.subList(0, proof.size() - 1);
        int k = k(n);
        if (m <= k) {
            byte[][] r = rootsFromSubproof(m, k, b, oldRoot, rest);
            return r == null ? null : new byte[][] {r[0], Hashes.nodeHash(r[1], sibling)};
        }
        byte[][] r = rootsFromSubproof(m - k, n - k, false, oldRoot, rest);
        return r == null ? null : new byte[][] {Hashes.nodeHash(sibling, r[0]), Hashes.nodeHash(sibling, r[1])};
    }

    public static boolean verifyConsistency(int m, int n, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (m < 1 || m > n) {
            return false;
        }
        byte[][] r = rootsFromSubproof(m, n, true, root1, proof);
        return r != null && Arrays.equals(r[0], root1) && Arrays.equals(r[1], root2);
    }
}
