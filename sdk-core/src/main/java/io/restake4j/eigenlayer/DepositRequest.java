package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.restake4j.eip712.StructType;
import io.restake4j.eip712.TypedMessage;
import io.restake4j.eip712.StructType.Field;
import io.restake4j.internal.Inputs;
import io.restake4j.units.Amount;

/**
 * What a staker consents to for {@code depositIntoStrategyWithSignature}: {@code amount} deposited into
 * {@code strategy} for {@code staker}, with the staker's StrategyManager {@code nonce}, until {@code expiry}
 * (unix seconds). Its typed data is {@link #TYPE} in the StrategyManager's domain. Get one with the
 * staker's current nonce from {@code client.eigenLayer().depositRequest(...)}.
 *
 * <pre>{@code
 * DepositRequest req = el.depositRequest(staker, Amount.parse("5", stEth), strategy, Instant.now().plus(Duration.ofHours(1)));
 * String json = el.depositTypedData(req).toJson();                    // the staker's wallet signs it
 * DepositSignature consent = DepositSignature.of(req, Signature.fromHex(answer));
 * relayer.eigenLayer().depositWithSignature(consent).send();
 * }</pre>
 *
 * @param staker   who signs and receives the shares
 * @param strategy the strategy
 * @param amount   the amount of the strategy's underlying token
 * @param nonce    {@code StrategyManager.nonces(staker)}
 * @param expiry   unix seconds
 */
public record DepositRequest(String staker, String strategy, Amount amount, BigInteger nonce, BigInteger expiry) implements TypedMessage {

    /**
     * {@code Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)};
     * its {@link StructType#typeHash()} is the StrategyManager's {@code DEPOSIT_TYPEHASH}.
     */
    public static final StructType TYPE = StructType.of("Deposit", List.of(Field.of("staker", "address"),
            Field.of("strategy", "address"), Field.of("token", "address"), Field.of("amount", "uint256"),
            Field.of("nonce", "uint256"), Field.of("expiry", "uint256")));

    public DepositRequest {
        Inputs.address(staker, "staker");
        Inputs.address(strategy, "strategy");
        Inputs.positive(amount, "deposit amount");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** The message's values by field name of {@link #TYPE}. */
    @Override
    public Map<String, Object> message() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staker", staker);
        m.put("strategy", strategy);
        m.put("token", amount.token().address());
        m.put("amount", amount.wei());
        m.put("nonce", nonce);
        m.put("expiry", expiry);
        return m;
    }

    /** {@link #TYPE}. */
    @Override
    public StructType structType() {
        return TYPE;
    }
}
