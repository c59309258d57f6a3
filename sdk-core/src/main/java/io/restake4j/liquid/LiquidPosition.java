package io.restake4j.liquid;

import io.restake4j.units.Shares;
import java.util.Objects;

import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * One account's holding of one liquid token: the balance, the protocol shares behind it, and what it is worth in
 * the protocol's underlying asset at the protocol's own rate (rounded as the contract rounds).
 *
 * <pre>{@code
 * LiquidPosition st = client.lido().positions().of(client.lido().stETH());
 * System.out.println(st.balance() + " = " + st.value());
 * }</pre>
 *
 * @param owner   the account
 * @param balance the token balance (stETH, wstETH, eETH, weETH, rETH)
 * @param shares  the protocol shares behind it (stETH/eETH shares; for wrapped and non-rebasing tokens the balance
 *                itself)
 * @param value   what the balance is worth in the underlying asset (ether for the liquid staking tokens) now
 */
public record LiquidPosition(String owner, Amount balance, Shares shares, Amount value) {

    public LiquidPosition {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(value, "value");
    }

    /** The token of this position. */
    public Token token() {
        return balance.token();
    }
}
