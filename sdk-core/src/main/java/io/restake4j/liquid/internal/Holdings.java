package io.restake4j.liquid.internal;

import java.math.BigInteger;
import java.util.List;

import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The positions of a rebasing liquid token and its wrapped form (stETH and wstETH, eETH and weETH): the rebasing
 * balance is worth its own amount of ether; the wrapped balance is its shares, worth what unwrapping pays.
 */
public final class Holdings {

    private Holdings() {
    }

    /**
     * @param rebasing       the rebasing token, its balance and the shares behind it
     * @param wrapped        the wrapped token and its balance (which is a number of shares)
     * @param wrappedValue   what unwrapping the wrapped balance pays, in ether wei (the protocol's rounding)
     * @param openRequestIds the owner's withdrawal requests not claimed yet
     */
    public static LiquidPositions rebasingAndWrapped(String owner, Amount rebasing, BigInteger shares, Amount wrapped,
            BigInteger wrappedValue, List<BigInteger> openRequestIds) {
        return new LiquidPositions(owner, List.of(
                new LiquidPosition(owner, rebasing, shares, Amount.ofWei(rebasing.wei(), Token.ETH)),
                new LiquidPosition(owner, wrapped, wrapped.wei(), Amount.ofWei(wrappedValue, Token.ETH))), openRequestIds);
    }
}
