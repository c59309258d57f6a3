package io.restake4j.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.function.Executable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.devnet.Devnet;
import io.restake4j.errors.InvalidInputException;

/** Accounts and checks the devnet ITs share: fresh funded accounts, nonces, balances, refusals. */
public final class DevnetAccounts {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private DevnetAccounts() {
    }

    /**
     * A fresh account (a fixed key from {@code seed}) holding {@code ether} ETH. The devnet is shared by every
     * test class in the JVM, so each test takes its own seeds and shares no state with the others.
     */
    public static Credentials fresh(Devnet devnet, int seed, long ether) {
        Credentials c = Credentials.create(String.format("0x%064x", BigInteger.valueOf(0x5eed0000L + seed)));
        devnet.setBalance(c.getAddress(), eth(ether));
        return c;
    }

    /** {@code n} ether in wei. */
    public static BigInteger eth(long n) {
        return ETHER.multiply(BigInteger.valueOf(n));
    }

    /** The account's pending nonce: unchanged after an operation means nothing was signed and sent. */
    public static BigInteger nonce(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }

    /** The account's ETH balance at the latest block. */
    public static BigInteger balance(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetBalance(who.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance();
    }

    /** {@code call} throws an {@link InvalidInputException} whose message contains {@code fragment}. */
    public static void assertRefused(String fragment, Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }
}
