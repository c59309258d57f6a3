package io.restake4j.liquid.internal;

import java.util.function.BiConsumer;

import io.restake4j.ProtocolContext;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * A stake of ETH with a referral address into a liquid staking pool (Lido's {@code submit}, ether.fi's
 * {@code deposit}): the arguments are checked when the operation is built, the protocol's checks, step and
 * result are planned at each run with the staking account.
 */
public final class EthStake {

    private EthStake() {
    }

    /**
     * @param protocol the protocol's name, for messages and the description
     * @param planner  adds the protocol's checks, the payable step and the result, given the staker's address
     */
    public static Operation<LiquidResult> operation(ProtocolContext ctx, String protocol, Amount eth, String referral,
            BiConsumer<Plan.Builder<LiquidResult>, String> planner) {
        Inputs.amountOf(eth, Token.ETH, "stake amount (" + protocol + " stakes ETH)");
        Inputs.addressOrZero(referral, "referral (the zero address for none)");
        return ctx.operation("stake " + eth + " with " + protocol, plan -> planner.accept(plan, ctx.account()));
    }
}
