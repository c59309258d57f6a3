package io.restake4j.tokens;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.restake4j.eip712.Eip712Domain;
import io.restake4j.eip712.Signature;
import io.restake4j.eip712.StructType;
import io.restake4j.eip712.StructType.Field;
import io.restake4j.eip712.TypedData;

/**
 * A signed EIP-2612 permit: {@code owner} lets {@code spender} pull {@code value} until {@code deadline}
 * (unix seconds), with the owner's current permit {@code nonce}. Pass {@code v}, {@code r}, {@code s}
 * (or the 65-byte {@link #signature()}) to the protocol's permit entry point; no approval transaction is
 * needed.
 *
 * <pre>{@code
 * PermitSignature p = client.tokens().signPermit(amount, vault, Instant.now().plus(Duration.ofMinutes(20)));
 * vault.call_depositWithPermit(token, p.value(), p.deadline(), p.v(), p.r(), p.s());
 * byte[] packed = p.signature().toBytes();   // r || s || v, for entry points taking `bytes signature`
 * }</pre>
 *
 * @param token     the token (the domain's verifying contract)
 * @param owner     who signed
 * @param spender   who may pull
 * @param value     wei
 * @param nonce     the owner's permit nonce when signed
 * @param deadline  unix seconds
 * @param signature the owner's signature over {@link #TYPE} in the token's domain
 */
public record PermitSignature(String token, String owner, String spender, BigInteger value, BigInteger nonce,
        BigInteger deadline, Signature signature) {

    /** {@code Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)} (EIP-2612). */
    public static final StructType TYPE = StructType.of("Permit", List.of(Field.of("owner", "address"),
            Field.of("spender", "address"), Field.of("value", "uint256"), Field.of("nonce", "uint256"),
            Field.of("deadline", "uint256")));

    public PermitSignature {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(spender, "spender");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(signature, "signature");
    }

    /** The permit's typed data in {@code domain} (the token's). */
    public static TypedData typedData(Eip712Domain domain, String owner, String spender, BigInteger value, BigInteger nonce,
            BigInteger deadline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", owner);
        m.put("spender", spender);
        m.put("value", value);
        m.put("nonce", nonce);
        m.put("deadline", deadline);
        return TypedData.of(domain, TYPE, m);
    }

    /**
     * How a generated wrapper's permit struct is built from (value, deadline, v, r, s): the constructor of every
     * {@code PermitInput} web3j generates for these five fields fits, e.g. {@code WithdrawalQueueERC721.PermitInput::new}.
     */
    @FunctionalInterface
    public interface Encoding<T> {
        T of(BigInteger value, BigInteger deadline, BigInteger v, byte[] r, byte[] s);
    }

    /** This permit as a contract's permit struct (see {@link Encoding}). */
    public <T> T as(Encoding<T> struct) {
        return struct.of(value, deadline, v(), r(), s());
    }

    /** {@code v}: 27 or 28. */
    public BigInteger v() {
        return BigInteger.valueOf(signature.v());
    }

    /** {@code r}: 32 bytes. */
    public byte[] r() {
        return signature.r();
    }

    /** {@code s}: 32 bytes, in the lower half of the curve order. */
    public byte[] s() {
        return signature.s();
    }

    @Override
    public String toString() {
        return "PermitSignature[" + owner + " -> " + spender + ", value " + value + ", nonce " + nonce + ", deadline "
                + deadline + "]";
    }
}
