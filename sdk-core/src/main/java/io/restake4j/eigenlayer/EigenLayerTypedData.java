package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import io.restake4j.errors.InvalidInputException;

/**
 * EigenLayer's EIP-712 digests, computed locally exactly as the core contracts' {@code SignatureUtilsMixin}
 * does: domain {@code (name "EigenLayer", version, chainId, verifyingContract)} with no salt, where the
 * version is the first character of the contract's {@code version()} string (read it; do not assume).
 *
 * <pre>{@code
 * EigenLayerTypedData domain = EigenLayerTypedData.domain(delegationManager.call_version().send(), chainId,
 *         delegationManagerAddress);
 * byte[] digest = domain.delegationApprovalDigest(approver, staker, operator, salt, expiry);
 * // equals DelegationManager.calculateDelegationApprovalDigestHash(staker, operator, approver, salt, expiry)
 * }</pre>
 *
 * @param version           the EIP-712 domain version (one character, e.g. "1")
 * @param chainId           the chain
 * @param verifyingContract the proxy address of the contract that checks the signature
 */
public record EigenLayerTypedData(String version, long chainId, String verifyingContract) {

    private static final byte[] DOMAIN_TYPEHASH = typeHash(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static final byte[] DELEGATION_APPROVAL_TYPEHASH = typeHash(
            "DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)");
    private static final byte[] DEPOSIT_TYPEHASH = typeHash(
            "Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)");
    private static final byte[] NAME_HASH = Hash.sha3("EigenLayer".getBytes(StandardCharsets.UTF_8));

    public EigenLayerTypedData {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(verifyingContract, "verifyingContract");
    }

    /**
     * The domain of a contract whose {@code version()} returned {@code contractVersion} (e.g. "1.12.0" gives
     * the domain version "1"; "v1.9.0" gives "v").
     */
    public static EigenLayerTypedData domain(String contractVersion, long chainId, String verifyingContract) {
        if (contractVersion == null || contractVersion.isEmpty()) {
            throw new InvalidInputException("the contract's version() string is empty; cannot build its EIP-712 domain");
        }
        return new EigenLayerTypedData(contractVersion.substring(0, 1), chainId, verifyingContract);
    }

    /** {@code domainSeparator()} of the contract. */
    public byte[] domainSeparator() {
        return keccak(DOMAIN_TYPEHASH, NAME_HASH, Hash.sha3(version.getBytes(StandardCharsets.UTF_8)),
                word(new Uint256(BigInteger.valueOf(chainId))), word(new Address(verifyingContract)));
    }

    /**
     * The digest a delegation approver signs so that {@code staker} may delegate to {@code operator}
     * (DelegationManager domain).
     */
    public byte[] delegationApprovalDigest(String approver, String staker, String operator, byte[] salt,
            BigInteger expiry) {
        byte[] struct = keccak(DELEGATION_APPROVAL_TYPEHASH, word(new Address(approver)), word(new Address(staker)),
                word(new Address(operator)), word(new Bytes32(salt)), word(new Uint256(expiry)));
        return digest(struct);
    }

    /**
     * The digest a staker signs for {@code depositIntoStrategyWithSignature} (StrategyManager domain);
     * {@code nonce} is {@code StrategyManager.nonces(staker)}.
     */
    public byte[] depositDigest(String staker, String strategy, String token, BigInteger amount, BigInteger nonce,
            BigInteger expiry) {
        byte[] struct = keccak(DEPOSIT_TYPEHASH, word(new Address(staker)), word(new Address(strategy)),
                word(new Address(token)), word(new Uint256(amount)), word(new Uint256(nonce)), word(new Uint256(expiry)));
        return digest(struct);
    }

    private byte[] digest(byte[] structHash) {
        byte[] separator = domainSeparator();
        byte[] message = new byte[2 + 32 + 32];
        message[0] = 0x19;
        message[1] = 0x01;
        System.arraycopy(separator, 0, message, 2, 32);
        System.arraycopy(structHash, 0, message, 34, 32);
        return Hash.sha3(message);
    }

    private static byte[] typeHash(String type) {
        return Hash.sha3(type.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] word(org.web3j.abi.datatypes.Type<?> value) {
        return Numeric.hexStringToByteArray(TypeEncoder.encode(value));
    }

    private static byte[] keccak(byte[]... words) {
        byte[] all = new byte[32 * words.length];
        for (int i = 0; i < words.length; i++) {
            if (words[i].length != 32) {
                throw new IllegalStateException("not a word: " + words[i].length + " bytes");
            }
            System.arraycopy(words[i], 0, all, 32 * i, 32);
        }
        return Hash.sha3(all);
    }
}
