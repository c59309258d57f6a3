package io.restake4j.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.testing.TokenVault;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationResult;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** A deposit-like pull with an EIP-2612 signature instead of an approval transaction. */
@DevnetTest
class PermitIT {

    private static Token token;
    private static String vault;

    @BeforeAll
    static void deploy(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        TestToken t = devnet.deployToken("Permit Token", "PMT", 18);
        t.send_mint(alice.getAddress(), BigInteger.TEN.pow(21)).send();
        token = Token.erc20(t.getContractAddress(), "PMT", 18);
        vault = TokenVault.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider()).send()
                .getContractAddress();
    }

    static final class Deposited extends OperationResult {
        final BigInteger amount;

        Deposited(io.restake4j.tx.Execution execution, BigInteger amount) {
            super(execution);
            this.amount = amount;
        }
    }

    @Test
    void depositWithPermitSendsOneTransactionAndNoApproval(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            Amount amount = Amount.parse("25", token);
            PermitSignature permit = client.tokens().signPermit(amount, vault, Instant.now().plus(Duration.ofMinutes(20)));
            assertEquals(BigInteger.ZERO, permit.nonce());

            Operation<Deposited> deposit = client.operation(Plan.<Deposited>builder("deposit " + amount + " with a permit")
                    .step(Step.of("depositWithPermit " + amount, TokenVault::load, vault, v -> v.call_depositWithPermit(
                            token.address(), permit.value(), permit.deadline(), permit.v(), permit.r(), permit.s())))
                    .result(x -> new Deposited(x, x.events(TokenVault::getDepositedEvents).get(0).amount))
                    .build());
            transport.reset();
            Deposited result = deposit.send();

            assertEquals(amount.wei(), result.amount);
            assertEquals(1, result.transactionCount(), "one transaction: no approval");
            assertEquals(1, transport.count("eth_sendRawTransaction"));
            ERC20 erc20 = ERC20.load(token.address(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());
            assertEquals(BigInteger.ZERO, erc20.call_allowance(alice.getAddress(), vault).send(), "the permit's allowance was spent");
            assertEquals(amount.wei(), TokenVault.load(vault, devnet.web3j(), devnet.transactionManager(alice),
                    devnet.gasProvider()).call_deposited(alice.getAddress(), token.address()).send());
            assertEquals(BigInteger.ONE, client.tokens().signPermit(amount, vault, Instant.now().plusSeconds(600)).nonce(),
                    "the permit nonce moved on");
        }
    }

    @Test
    void permitsAreRefusedForPastDeadlinesAndTokensWithoutPermit(Devnet devnet, @Account(0) Credentials alice) {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            InvalidInputException late = assertThrows(InvalidInputException.class,
                    () -> client.tokens().signPermit(Amount.parse("1", token), vault, Instant.now().minusSeconds(1)));
            assertTrue(late.getMessage().startsWith("permit deadline must be in the future"), late.getMessage());
            Token noPermit = Token.erc20(vault, "VAULT", 18); // a contract without nonces()/DOMAIN_SEPARATOR()
            InvalidInputException none = assertThrows(InvalidInputException.class,
                    () -> client.tokens().signPermit(Amount.parse("1", noPermit), vault, Instant.now().plusSeconds(60)));
            assertEquals("VAULT at " + vault + " does not support EIP-2612 permits", none.getMessage());
        }
    }
}
