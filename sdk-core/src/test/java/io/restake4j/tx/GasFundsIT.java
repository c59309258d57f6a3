package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Too little ETH for an operation's value, or for its value plus gas at the fee cap, is a precondition refused
 * before signing with the figures ({@link ErrorCode#INSUFFICIENT_GAS_FUNDS}), never a node error; with and
 * without eth_simulateV1.
 */
@DevnetTest
class GasFundsIT {

    @Test
    void aStakeAboveTheBalanceIsRefusedWithTheFigures(Devnet devnet) throws Exception {
        Credentials poor = DevnetAccounts.fresh(devnet, 2001, 1);
        try (Restaking client = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).signer(Signer.of(poor)).build()) {
            Operation<?> stake = client.lido().stake(Amount.parse("2", Token.ETH));
            InsufficientFundsException previewed = assertThrows(InsufficientFundsException.class, stake::preview);
            InsufficientFundsException sent = assertThrows(InsufficientFundsException.class, stake::send);
            for (InsufficientFundsException e : new InsufficientFundsException[] {previewed, sent}) {
                assertEquals(ErrorCode.INSUFFICIENT_GAS_FUNDS, e.code(), e.getMessage());
                assertEquals(ErrorCode.Kind.PRECONDITION, e.kind());
                assertEquals(Amount.parse("1", Token.ETH), e.held());
                assertEquals(Amount.parse("2", Token.ETH), e.needed(), "the value; the gas is not known when the node"
                        + " will not simulate");
                assertTrue(e.getMessage().contains(poor.getAddress()), e.getMessage());
            }
        }
        assertEquals(BigInteger.ZERO, DevnetAccounts.nonce(devnet, poor));
    }

    @Test
    void aStakeOfTheWholeBalanceLeavesNothingForGas(Devnet devnet) throws Exception {
        Credentials exact = DevnetAccounts.fresh(devnet, 2002, 3);
        try (Restaking client = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).signer(Signer.of(exact)).build()) {
            Operation<?> stake = client.lido().stake(Amount.parse("3", Token.ETH));
            Preview preview = stake.preview();
            assertTrue(preview.wouldSucceed(), "the simulation charges no gas: the value alone fits");
            InsufficientFundsException e = assertThrows(InsufficientFundsException.class, stake::send);
            assertEquals(ErrorCode.INSUFFICIENT_GAS_FUNDS, e.code(), e.getMessage());
            assertEquals(Amount.parse("3", Token.ETH), e.held());
            assertTrue(e.needed().isGreaterThan(Amount.parse("3", Token.ETH)), "value plus gas: " + e.needed());
            assertEquals(e.needed().minus(e.held()), e.shortfall());
            assertTrue(e.getMessage().contains("at the fee cap"), e.getMessage());
        }
        assertEquals(BigInteger.ZERO, DevnetAccounts.nonce(devnet, exact));
    }

    @Test
    void withoutSimulateV1TheEthCallAnswerIsReadTheSameWay(Devnet devnet) throws Exception {
        Credentials poor = DevnetAccounts.fresh(devnet, 2003, 1);
        NoSimulateV1IT.NoSimulate node = new NoSimulateV1IT.NoSimulate(devnet.rpcUrl());
        try (Restaking client = DevnetClients.builder(devnet).signer(Signer.of(poor)).service(node).build()) {
            InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                    () -> client.etherFi().stake(Amount.parse("5", Token.ETH)).send());
            assertEquals(ErrorCode.INSUFFICIENT_GAS_FUNDS, e.code(), e.getMessage());
            assertEquals(Amount.parse("1", Token.ETH), e.held());
        }
        assertEquals(BigInteger.ZERO, DevnetAccounts.nonce(devnet, poor));
    }

    @Test
    void enoughForOneOperationIsNotEnoughForTwoSentTogether(Devnet devnet) throws Exception {
        Credentials staker = DevnetAccounts.fresh(devnet, 2004, 5);
        try (Restaking client = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).signer(Signer.of(staker)).build()) {
            var first = client.lido().stake(Amount.parse("3", Token.ETH)).submit();
            InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                    () -> client.lido().stake(Amount.parse("3", Token.ETH)).send());
            assertEquals(ErrorCode.INSUFFICIENT_GAS_FUNDS, e.code(), e.getMessage());
            first.await(java.time.Duration.ofSeconds(30));
        }
        assertEquals(BigInteger.ONE, DevnetAccounts.nonce(devnet, staker), "the first stake was sent, the second not");
    }
}
