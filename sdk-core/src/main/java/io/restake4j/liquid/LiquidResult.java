package io.restake4j.liquid;

import io.restake4j.units.Shares;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a liquid staking write (Lido, ether.fi, Rocket Pool), as the transactions' events report
 * it: the tokens produced, the shares moved, the withdrawal request ids created, and a fee where the
 * protocol charges one.
 *
 * <pre>{@code
 * LiquidResult staked = client.lido().stake(Amount.parse("1", Token.ETH)).send();
 * System.out.println(staked.amount() + " for " + staked.shares());   // e.g. "1 stETH for 1000000000000000000 stETH shares"
 * LiquidResult claim = client.etherFi().withdrawals().claim(requestId).send();
 * claim.paidTo().forEach((to, eth) -> System.out.println(eth + " paid to " + to));
 * }</pre>
 */
public final class LiquidResult extends OperationResult {

    private final Amount amount;
    private final Shares shares;
    private final List<BigInteger> requestIds;
    private final Amount fee;
    private final Map<String, Amount> paidTo;

    /** For protocol packages, which read every figure from {@code execution}'s events. */
    public LiquidResult(Execution execution, Amount amount, Shares shares, List<BigInteger> requestIds, Amount fee) {
        this(execution, amount, shares, requestIds, fee, Map.of());
    }

    /**
     * For protocol packages; {@code paidTo} is who received the ether of a claim, from the claim events (a claim
     * can pay another account than the sender: ether.fi's permissionless claims pay each NFT's holder).
     */
    public LiquidResult(Execution execution, Amount amount, Shares shares, List<BigInteger> requestIds, Amount fee,
            Map<String, Amount> paidTo) {
        super(execution);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.shares = Objects.requireNonNull(shares, "shares");
        this.requestIds = List.copyOf(requestIds);
        this.fee = fee;
        this.paidTo = Collections.unmodifiableMap(new LinkedHashMap<>(paidTo));
    }

    /**
     * What the operation produced, in its own token: the liquid token for a stake, wrap or unwrap, the
     * tokens locked for a withdrawal request, ETH for a claim or a burn.
     */
    public Amount amount() {
        return amount;
    }

    /** Token shares credited or moved (stETH or eETH shares, rETH); zero where none moved. */
    public Shares shares() {
        return shares;
    }

    /** Withdrawal request ids created by a request, or claimed by a claim, ascending. */
    public List<BigInteger> requestIds() {
        return requestIds;
    }

    /**
     * For a claim: each account the ether went to and how much, as the claim events say; it need not be the
     * account that sent the claim. Empty for other operations (their tokens go to the sender).
     */
    public Map<String, Amount> paidTo() {
        return paidTo;
    }

    /** A protocol fee the operation paid (Rocket Pool's deposit fee), if any. */
    public Optional<Amount> fee() {
        return Optional.ofNullable(fee);
    }

    @Override
    public String toString() {
        return "LiquidResult[amount " + amount + ", shares " + shares + (requestIds.isEmpty() ? "" : ", requests " + requestIds)
                + (fee == null ? "" : ", fee " + fee) + (paidTo.isEmpty() ? "" : ", paid to " + paidTo)
                + ", tx " + transactionHashes() + "]";
    }
}
