package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.eip712.Signature;
import io.restake4j.units.Amount;

/**
 * A staker's EIP-712 consent to have {@code amount} deposited into {@code strategy} on its behalf:
 * whoever sends {@code depositIntoStrategyWithSignature} pays the tokens, the staker gets the shares.
 * Valid once (it consumes the staker's StrategyManager nonce) and until {@code expiry}.
 *
 * <pre>{@code
 * DepositSignature consent = stakerClient.eigenLayer().signDeposit(stakerSigner, Amount.parse("5", stEth), strategy,
 *         Duration.ofHours(1));
 * relayerClient.eigenLayer().depositWithSignature(consent).send();
 * // or, signed elsewhere from el.depositTypedData(request).toJson():
 * DepositSignature signed = DepositSignature.of(request, Signature.fromHex(walletAnswer));
 * }</pre>
 *
 * @param staker    who signed and receives the shares
 * @param strategy  the strategy
 * @param amount    the token amount
 * @param nonce     the staker's {@code StrategyManager.nonces(staker)} when signed
 * @param expiry    unix seconds
 * @param signature 65 bytes r‖s‖v (or an EIP-1271 contract signature)
 */
public record DepositSignature(String staker, String strategy, Amount amount, BigInteger nonce, BigInteger expiry,
        byte[] signature) {

    public DepositSignature {
        Objects.requireNonNull(staker, "staker");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiry, "expiry");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** The consent to {@code request} signed with {@code signature} (the staker's ECDSA signature). */
    public static DepositSignature of(DepositRequest request, Signature signature) {
        Objects.requireNonNull(request, "request");
        return new DepositSignature(request.staker(), request.strategy(), request.amount(), request.nonce(), request.expiry(),
                Objects.requireNonNull(signature, "signature").toBytes());
    }

    /** What was signed. */
    public DepositRequest request() {
        return new DepositRequest(staker, strategy, amount, nonce, expiry);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "DepositSignature[" + staker + ", " + amount + " into " + strategy + ", nonce " + nonce + ", expiry " + expiry + "]";
    }
}
