package io.restake4j.eigenlayer.rewards;

import java.util.Arrays;

/**
 * A leaf of the earner tree, mirroring {@code IRewardsCoordinatorTypes.EarnerTreeMerkleLeaf}
 * {@code (address earner, bytes32 earnerTokenRoot)}. The address is kept in lower case; the root is
 * copied in and out, so the record is immutable.
 *
 * <pre>{@code
 * EarnerLeaf leaf = new EarnerLeaf("0x0d6ba28b9919cfcdb6b233469cc5ce30b979e08e", tokenRoot);
 * byte[] hash = leaf.hash(); // keccak256(abi.encodePacked(uint8(0), earner, earnerTokenRoot))
 * }</pre>
 *
 * @param earner          the earner's address, {@code 0x}-hex
 * @param earnerTokenRoot the root of the earner's token tree, 32 bytes
 */
public record EarnerLeaf(String earner, byte[] earnerTokenRoot) {

    /** @throws io.restake4j.errors.InvalidInputException for a malformed address or a root that is not 32 bytes */
    public EarnerLeaf {
        earner = Bytes.normaliseAddress(earner, "earner");
        earnerTokenRoot = Bytes.requireWord(earnerTokenRoot, "earnerTokenRoot").clone();
    }

    /** A copy of the 32-byte token root. */
    @Override
    public byte[] earnerTokenRoot() {
        return earnerTokenRoot.clone();
    }

    /** The token root as {@code 0x}-hex. */
    public String earnerTokenRootHex() {
        return Bytes.hex(earnerTokenRoot);
    }

    /** The leaf hash the RewardsCoordinator computes ({@code calculateEarnerLeafHash}). */
    public byte[] hash() {
        return RewardsMerkle.earnerLeafHash(earner, earnerTokenRoot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EarnerLeaf other && earner.equals(other.earner) && Arrays.equals(earnerTokenRoot, other.earnerTokenRoot);
    }

    @Override
    public int hashCode() {
        return 31 * earner.hashCode() + Arrays.hashCode(earnerTokenRoot);
    }

    @Override
    public String toString() {
        return "EarnerLeaf[earner=" + earner + ", earnerTokenRoot=" + earnerTokenRootHex() + "]";
    }
}
