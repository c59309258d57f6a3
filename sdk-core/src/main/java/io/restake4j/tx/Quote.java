package io.restake4j.tx;

import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * A figure a protocol package states for an operation before it is sent, such as Rocket Pool's deposit
 * fee or the rETH a deposit is expected to mint. It is read from chain state when the operation is
 * built, and computed as the contract computes it; the events of the sent transactions are the final word.
 *
 * <pre>{@code
 * Preview p = client.rocketPool().deposit(Amount.parse("1", Token.ETH)).preview();
 * p.quote("deposit fee").ifPresent(q -> System.out.println(q.amount()));   // e.g. "0.0005 ETH"
 * }</pre>
 *
 * @param label  what the figure is, lower case ("deposit fee", "expected rETH")
 * @param amount the figure
 */
public record Quote(String label, Amount amount) {

    public Quote {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String toString() {
        return label + ": " + amount;
    }
}
