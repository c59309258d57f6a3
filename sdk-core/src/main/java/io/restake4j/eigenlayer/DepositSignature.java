package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * A staker's EIP-712 consent to have {@code amount} deposited into {@code strategy} on its behalf:
 * whoever sends {@code depositIntoStrategyWithSignature} pays the tokens, the staker gets the shares.
 * Valid once (it consumes the staker's StrategyManager nonce) and until {@code expiry}.
 *
 * <pre>{@code
 * DepositSignature consent = stakerClient.eigenLayer().signDeposit(Amount.parse("5", stEth), strategy, Duration.ofHours(1));
 * relayerClient.eigenLayer().depositWithSignature(consent).send();
 * }</pre>
 *
 * @param staker    who signed and receives the shares
 * @param strategy  the strategy
 * @param amount    the token amount
 * @param nonce     the staker's {@code StrategyManager.nonces(staker)} when signed
 * @param expiry    unix seconds
 * @param signature 65 bytes r‖s‖v
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

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "DepositSignature[" + staker + ", " + amount + " into " + strategy + ", nonce " + nonce + ", expiry " + expiry + "]";
    }
}
