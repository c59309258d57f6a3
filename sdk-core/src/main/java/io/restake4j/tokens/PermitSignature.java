package io.restake4j.tokens;

import java.math.BigInteger;

/**
 * A signed EIP-2612 permit: {@code owner} lets {@code spender} pull {@code value} until {@code deadline}
 * (unix seconds), with the owner's current permit {@code nonce}. Pass {@code v}, {@code r}, {@code s}
 * to the protocol's permit entry point; no approval transaction is needed.
 *
 * <pre>{@code
 * PermitSignature p = client.tokens().signPermit(amount, vault, Instant.now().plus(Duration.ofMinutes(20)));
 * vault.call_depositWithPermit(token, p.value(), p.deadline(), p.v(), p.r(), p.s());
 * }</pre>
 */
public record PermitSignature(String token, String owner, String spender, BigInteger value, BigInteger nonce,
        BigInteger deadline, BigInteger v, byte[] r, byte[] s) {

    public PermitSignature {
        r = r.clone();
        s = s.clone();
    }

    @Override
    public byte[] r() {
        return r.clone();
    }

    @Override
    public byte[] s() {
        return s.clone();
    }

    @Override
    public String toString() {
        return "PermitSignature[" + owner + " -> " + spender + ", value " + value + ", nonce " + nonce + ", deadline "
                + deadline + "]";
    }
}
