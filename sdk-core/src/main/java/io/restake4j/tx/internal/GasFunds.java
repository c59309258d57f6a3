package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGetBalance;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The account's ETH against what an operation can cost: the value it sends plus its gas at the fee cap. One
 * place for the check before signing and for reading a node's "insufficient funds" answer, so that both reach
 * the user as the same {@link InsufficientFundsException} ({@link ErrorCode#INSUFFICIENT_GAS_FUNDS}) with the
 * figures, never as a node error.
 */
public final class GasFunds {

    private GasFunds() {
    }

    /**
     * A node said the sender cannot pay: geth/anvil/reth word it "insufficient funds for gas * price + value"
     * (codes -32000, -32003; -38014 in eth_simulateV1).
     */
    public static boolean isInsufficientFunds(Response.Error error) {
        return error != null && (error.getCode() == -38014 || isInsufficientFunds(error.getMessage()));
    }

    /** The same test on an error text. */
    public static boolean isInsufficientFunds(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("insufficient funds");
    }

    /**
     * The refusal with figures, or null when {@code held} covers {@code needed}.
     *
     * @param what     the operation, for the message
     * @param account  the paying account
     * @param value    the ETH the steps send
     * @param maxGasCost the most their gas can cost (limit times fee cap); zero when not known yet
     */
    public static InsufficientFundsException check(String what, String account, BigInteger value, BigInteger maxGasCost,
            BigInteger held) {
        BigInteger needed = value.add(maxGasCost);
        if (held.compareTo(needed) >= 0) {
            return null;
        }
        Amount need = Amount.ofWei(needed, Token.ETH);
        Amount have = Amount.ofWei(held, Token.ETH);
        String breakdown = maxGasCost.signum() == 0
                ? Amount.ofWei(value, Token.ETH) + " of value, plus gas"
                : Amount.ofWei(value, Token.ETH) + " of value and at most " + Amount.ofWei(maxGasCost, Token.ETH)
                        + " of gas at the fee cap";
        return new InsufficientFundsException(ErrorCode.INSUFFICIENT_GAS_FUNDS, need, have, what + " needs "
                + need.toStringWithWei() + " (" + breakdown + "); " + account + " holds " + have.toStringWithWei()
                + ", " + need.minus(have) + " short. Nothing was sent.");
    }

    /**
     * After a node's "insufficient funds" answer: reads the balance for the figures (one request, on this failure
     * path only) and builds the refusal; when the balance cannot be read the refusal still says what is known.
     */
    public static InsufficientFundsException afterNodeRefusal(Web3j web3j, String what, String account, BigInteger value,
            BigInteger maxGasCost, String nodeMessage) {
        BigInteger held = null;
        try {
            EthGetBalance b = web3j.ethGetBalance(account, DefaultBlockParameterName.PENDING).send();
            held = b.hasError() ? null : b.getBalance();
        } catch (IOException | RuntimeException unreadable) {
            // figures unknown: said below
        }
        if (held != null) {
            InsufficientFundsException e = check(what, account, value, maxGasCost, held);
            if (e != null) {
                return e;
            }
            // The balance covers what is known (the gas cost may be unknown here): the node's word stands.
            Amount have = Amount.ofWei(held, Token.ETH);
            Amount need = Amount.ofWei(value.add(maxGasCost), Token.ETH);
            return new InsufficientFundsException(ErrorCode.INSUFFICIENT_GAS_FUNDS, need.isGreaterThan(have) ? need : have,
                    have, what + ": the node says " + account + " cannot pay the value plus gas (\"" + nodeMessage
                            + "\"); it holds " + have.toStringWithWei() + ". Nothing was sent.");
        }
        Amount need = Amount.ofWei(value.add(maxGasCost), Token.ETH);
        return new InsufficientFundsException(ErrorCode.INSUFFICIENT_GAS_FUNDS, need, Amount.zero(Token.ETH), what
                + ": the node says " + account + " cannot pay " + need + " plus gas (\"" + nodeMessage
                + "\"); its balance could not be read. Nothing was sent.");
    }

    /**
     * Thrown inside the pipeline where a node answered "insufficient funds" to a simulation, and turned into the
     * {@link InsufficientFundsException} (with the balance read) where the operation's steps are known.
     */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String nodeMessage) {
            super(nodeMessage, null, false, false);
        }
    }
}
