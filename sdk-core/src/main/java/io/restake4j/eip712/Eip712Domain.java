package io.restake4j.eip712;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;

/**
 * An EIP-712 domain: name, version, chain id, verifying contract and an optional salt, as the contract
 * hashes them into its domain separator. Domains of real contracts are best read with
 * {@link Eip712DomainReader}, which checks them against the contract's own separator.
 *
 * <pre>{@code
 * Eip712Domain domain = Eip712Domain.of("EigenLayer", "1", 1, "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A");
 * byte[] separator = domain.separator();          // equals DelegationManager.domainSeparator() on mainnet
 * byte fields = domain.fields();                  // 0x0f: name, version, chainId, verifyingContract (EIP-5267)
 * }</pre>
 */
public final class Eip712Domain {

    /** EIP-5267 bit of each field, in the order the domain type lists them. */
    public static final int NAME_BIT = 0x01;
    /** EIP-5267 bit of {@code version}. */
    public static final int VERSION_BIT = 0x02;
    /** EIP-5267 bit of {@code chainId}. */
    public static final int CHAIN_ID_BIT = 0x04;
    /** EIP-5267 bit of {@code verifyingContract}. */
    public static final int VERIFYING_CONTRACT_BIT = 0x08;
    /** EIP-5267 bit of {@code salt}. */
    public static final int SALT_BIT = 0x10;

    private final String name;
    private final String version;
    private final long chainId;
    private final String verifyingContract;
    private final byte[] salt;

    private Eip712Domain(String name, String version, long chainId, String verifyingContract, byte[] salt) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        if (chainId <= 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "an EIP-712 domain's chain id must be positive, was " + chainId);
        }
        this.chainId = chainId;
        this.verifyingContract = Inputs.address(verifyingContract, "verifying contract");
        if (salt != null && salt.length != 32) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "an EIP-712 domain's salt must be 32 bytes, was " + salt.length);
        }
        this.salt = salt == null ? null : salt.clone();
    }

    /** The usual domain: name, version, chain id and verifying contract, no salt. */
    public static Eip712Domain of(String name, String version, long chainId, String verifyingContract) {
        return new Eip712Domain(name, version, chainId, verifyingContract, null);
    }

    /** This domain with a 32-byte {@code salt} as its fifth field. */
    public Eip712Domain withSalt(byte[] salt) {
        return new Eip712Domain(name, version, chainId, verifyingContract, Objects.requireNonNull(salt, "salt"));
    }

    /** This domain with another version (used when trying a contract's version candidates). */
    public Eip712Domain withVersion(String otherVersion) {
        return new Eip712Domain(name, otherVersion, chainId, verifyingContract, salt);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public long chainId() {
        return chainId;
    }

    public String verifyingContract() {
        return verifyingContract;
    }

    /** The salt, when the domain has one. */
    public Optional<byte[]> salt() {
        return Optional.ofNullable(salt).map(byte[]::clone);
    }

    /** The EIP-5267 {@code fields} byte: which of name, version, chainId, verifyingContract, salt are used. */
    public byte fields() {
        int bits = NAME_BIT | VERSION_BIT | CHAIN_ID_BIT | VERIFYING_CONTRACT_BIT;
        return (byte) (salt == null ? bits : bits | SALT_BIT);
    }

    /** The {@code EIP712Domain} type this domain hashes, e.g. {@code EIP712Domain(string name,...)}. */
    public StructType type() {
        List<StructType.Field> fields = new ArrayList<>(List.of(StructType.Field.of("name", "string"),
                StructType.Field.of("version", "string"), StructType.Field.of("chainId", "uint256"),
                StructType.Field.of("verifyingContract", "address")));
        if (salt != null) {
            fields.add(StructType.Field.of("salt", "bytes32"));
        }
        return StructType.of("EIP712Domain", fields);
    }

    /** The domain's values, by field name, in the form {@link StructType#hashStruct} and JSON take. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("version", version);
        values.put("chainId", BigInteger.valueOf(chainId));
        values.put("verifyingContract", verifyingContract);
        if (salt != null) {
            values.put("salt", salt.clone());
        }
        return values;
    }

    /** The domain separator: {@code hashStruct(EIP712Domain)}. */
    public byte[] separator() {
        return type().hashStruct(values());
    }

    /** The separator as 0x-hex. */
    public String separatorHex() {
        return Numeric.toHexString(separator());
    }

    /** Whether {@code onChain} (32 bytes) is this domain's separator. */
    public boolean matches(byte[] onChain) {
        return onChain != null && Arrays.equals(separator(), onChain);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Eip712Domain d && name.equals(d.name) && version.equals(d.version) && chainId == d.chainId
                && verifyingContract.equalsIgnoreCase(d.verifyingContract) && Arrays.equals(salt, d.salt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, chainId, verifyingContract.toLowerCase(java.util.Locale.ROOT), Arrays.hashCode(salt));
    }

    @Override
    public String toString() {
        return "Eip712Domain[name '" + name + "', version '" + version + "', chain " + chainId + ", " + verifyingContract
                + (salt == null ? "" : ", salt " + Numeric.toHexString(salt)) + "]";
    }

    static byte[] keccakUtf8(String s) {
        return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
    }
}
