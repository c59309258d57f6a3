package io.restake4j.eigenlayer.rewards;

import java.math.BigInteger;

/**
 * A leaf of an earner's token tree, mirroring {@code IRewardsCoordinatorTypes.TokenTreeMerkleLeaf}
 * {@code (address token, uint256 cumulativeEarnings)}. The address is kept in lower case.
 *
 * <pre>{@code
 * TokenLeaf leaf = new TokenLeaf("0x1006dd1b8c3d0ef53489bed27577c75299f71473", new BigInteger("1000000000000000000"));
 * byte[] hash = leaf.hash(); // keccak256(abi.encodePacked(uint8(1), token, cumulativeEarnings))
 * }</pre>
 *
 * @param token              the reward token's address, {@code 0x}-hex
 * @param cumulativeEarnings everything the earner has earned in this token up to the root, in the
 *                           token's smallest unit (a uint256)
 */
public record TokenLeaf(String token, BigInteger cumulativeEarnings) {

    /** @throws io.restake4j.errors.InvalidInputException for a malformed address or an amount outside uint256 */
    public TokenLeaf {
        token = Bytes.normaliseAddress(token, "token");
        Bytes.requireUint256(cumulativeEarnings, "cumulativeEarnings of token " + token);
    }

    /** The leaf hash the RewardsCoordinator computes ({@code calculateTokenLeafHash}). */
    public byte[] hash() {
        return RewardsMerkle.tokenLeafHash(token, cumulativeEarnings);
    }
}
