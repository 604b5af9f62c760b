package org.trustledger.tlog;

/**
 * Read access to the hashes of a Merkle log, as {@link MerkleTree} needs them.
 *
 * <p>Only leaf hashes are mandatory. A store that keeps interior hashes (for example one hash per
 * complete 256-leaf tile, as in tlog's tiles) overrides {@link #subtreeHash}; then roots and proofs
 * touch O(log n) stored hashes instead of rehashing O(n) leaves.
 */
@FunctionalInterface
public interface HashSource {

    /** The RFC 6962 leaf hash (SHA-256(0x00 || entry)) at {@code index}; 32 bytes. */
    byte[] leafHash(long index);

    /**
     * The stored hash of the complete, aligned subtree of height {@code level} at position
     * {@code index} on that level, i.e. the root of leaves {@code [index << level, (index + 1) << level)};
     * or {@code null} when this source does not store it, in which case the caller derives it from the
     * two subtrees one level down. Only called with {@code level >= 1} and for subtrees that lie
     * entirely inside the tree being computed.
     */
    default byte[] subtreeHash(int level, long index) {
        return null;
    }
}
