package io.restake4j.liquid;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * One account's holding of one liquid token, read in one Multicall3 batch: the balance, the protocol
 * shares behind it, what it is worth in ether at the protocol's own rate (rounded as the contract
 * rounds), and the account's withdrawal requests not yet claimed.
 *
 * <pre>{@code
 * for (LiquidPosition p : client.lido().positions()) {
 *     System.out.println(p.balance() + " = " + p.ethValue() + ", open requests " + p.openRequestIds());
 * }
 * }</pre>
 *
 * @param owner          the account
 * @param balance        the token balance (stETH, wstETH, eETH, weETH, rETH)
 * @param shares         the protocol shares behind it (stETH/eETH shares; for wrapped and non-rebasing
 *                       tokens the balance itself)
 * @param ethValue       the ether the balance is worth at the protocol's rate now
 * @param openRequestIds withdrawal requests of the owner in this token's protocol, not claimed yet (ascending;
 *                       listed on the protocol's main token, empty on the others)
 */
public record LiquidPosition(String owner, Amount balance, BigInteger shares, Amount ethValue, List<BigInteger> openRequestIds) {

    public LiquidPosition {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(ethValue, "ethValue");
        if (!ethValue.token().equals(Token.ETH)) {
            throw new IllegalArgumentException("ethValue is an amount of ETH, was " + ethValue.token().symbol());
        }
        openRequestIds = List.copyOf(openRequestIds);
    }

    /** The token of this position. */
    public Token token() {
        return balance.token();
    }
}
