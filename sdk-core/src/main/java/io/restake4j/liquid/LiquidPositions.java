package io.restake4j.liquid;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * One account's holdings in one liquid staking protocol, read together: a position per token (looked up by token,
 * never by index) and the account's withdrawal requests not claimed yet.
 *
 * <pre>{@code
 * Lido lido = client.lido();
 * LiquidPositions p = lido.positions();
 * System.out.println(p.of(lido.wstETH()).balance() + ", worth " + p.totalValue() + ", open requests " + p.openRequestIds());
 * }</pre>
 *
 * @param owner          the account
 * @param holdings       one position per token of the protocol, in the protocol's order
 * @param openRequestIds the owner's withdrawal requests not claimed yet, ascending (empty for protocols without a
 *                       withdrawal queue)
 */
public record LiquidPositions(String owner, List<LiquidPosition> holdings, List<BigInteger> openRequestIds) {

    public LiquidPositions {
        Objects.requireNonNull(owner, "owner");
        holdings = List.copyOf(holdings);
        openRequestIds = List.copyOf(openRequestIds);
        if (holdings.isEmpty()) {
            throw new IllegalArgumentException("no holdings");
        }
    }

    /**
     * The position in {@code token}.
     *
     * @throws InvalidInputException when this protocol has no such token
     */
    public LiquidPosition of(Token token) {
        Objects.requireNonNull(token, "token");
        return holdings.stream().filter(h -> h.token().equals(token)).findFirst()
                .orElseThrow(() -> new InvalidInputException(ErrorCode.NOT_FOUND, "no position in " + token.symbol() + " here; the tokens are "
                        + holdings.stream().map(h -> h.token().symbol()).toList()));
    }

    /** The sum of every holding's value, in the underlying asset. */
    public Amount totalValue() {
        Amount total = Amount.zero(holdings.get(0).value().token());
        for (LiquidPosition h : holdings) {
            total = total.plus(h.value());
        }
        return total;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LiquidPositions[").append(owner).append(":");
        for (LiquidPosition h : holdings) {
            s.append(' ').append(h.balance()).append(" (").append(h.value()).append(')');
        }
        return s.append(openRequestIds.isEmpty() ? "" : ", open requests " + openRequestIds).append(']').toString();
    }
}
