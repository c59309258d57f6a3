package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.testing.TokenVault;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * What operations cost in round trips, counted at the transport. The figures are printed for the
 * issue note as well as asserted.
 */
@DevnetTest
class RoundTripsIT {

    private static Token token;
    private static String vault;

    @BeforeAll
    static void deploy(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        TestToken t = devnet.deployToken("Vaulted", "VLT", 18);
        t.send_mint(alice.getAddress(), BigInteger.TEN.pow(24)).send();
        token = Token.erc20(t.getContractAddress(), "VLT", 18);
        vault = TokenVault.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider()).send()
                .getContractAddress();
    }

    static Operation<BigInteger> deposit(Restaking client, Amount amount) {
        String owner = client.account();
        Plan.Builder<BigInteger> plan = Plan.builder("deposit " + amount + " into the vault");
        Approvals.require(plan, owner, vault, amount, ApprovalPolicy.EXACT);
        plan.step(Step.of("deposit " + amount, TokenVault::load, vault, v -> v.call_deposit(token.address(), amount.wei())));
        plan.result(x -> x.events(TokenVault::getDepositedEvents).get(0).amount);
        return client.operation(plan.build());
    }

    @Test
    void approveAndPullArePreviewedInOneRoundTrip(Devnet devnet, @Account(0) Credentials alice) {
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            Operation<BigInteger> deposit = deposit(client, Amount.parse("10", token));
            transport.reset();
            Preview preview = deposit.preview();

            System.out.println("[round trips] preview of approve + deposit: " + transport.roundTrips() + " HTTP request(s): "
                    + transport.log());
            assertEquals(1, transport.roundTrips(), transport.log().toString());
            assertEquals(1, transport.count("eth_simulateV1"));
            assertEquals(2, preview.steps().size(), "approval and deposit");
            assertTrue(preview.steps().get(0).step().description().startsWith("approve 10 VLT"));
            assertEquals(Amount.parse("10", token).wei(), preview.steps().get(1).result(), "deposit returns the new balance");
            assertTrue(preview.wouldSucceed());
        }
    }

    @Test
    void sendCostsSimulationFeesAndPerStepSendAndReceipt(Devnet devnet, @Account(0) Credentials alice) {
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            transport.reset();
            BigInteger deposited = deposit(client, Amount.parse("3", token)).send();
            assertEquals(Amount.parse("3", token).wei(), deposited);
            System.out.println("[round trips] first send of approve + deposit: " + transport.roundTrips()
                    + " HTTP requests: " + transport.log());
            // once per client: eth_chainId; once per signer: eth_getTransactionCount; every send: eth_getBalance (for
            // value plus gas); all in the simulation's batch
            assertEquals(List.of("eth_chainId", "eth_getTransactionCount", "eth_getBalance", "eth_feeHistory",
                    "eth_simulateV1", "(batch of 5)"), transport.log().subList(0, 6),
                    "chain id, nonce and balance ride along with the simulation");
            assertEquals(1, transport.count("eth_chainId"));
            assertEquals(1, transport.count("eth_getTransactionCount"));
            assertEquals(1, transport.count("eth_simulateV1"), "both steps simulated together, once");
            assertEquals(2, transport.count("eth_sendRawTransaction"));
            assertTrue(transport.count("eth_getTransactionReceipt") >= 2);
            assertEquals(0, transport.count("eth_estimateGas"), "gas limits come from the simulation");
            assertEquals(0, transport.count("eth_call"));

            transport.reset();
            deposit(client, Amount.parse("1", token)).send(); // allowance is 0 again: approve + deposit
            int perStepReceiptPolls = transport.count("eth_getTransactionReceipt");
            System.out.println("[round trips] second send of approve + deposit: " + transport.roundTrips()
                    + " HTTP requests: " + transport.log());
            assertEquals(0, transport.count("eth_chainId"));
            assertEquals(0, transport.count("eth_getTransactionCount"));
            assertEquals(2, transport.count("eth_sendRawTransaction"));
            int receiptRoundTrips = transport.roundTrips() - 2;
            assertTrue(receiptRoundTrips >= 1 && receiptRoundTrips <= perStepReceiptPolls, transport.log().toString());
            assertEquals(List.of("eth_getBalance", "eth_feeHistory", "eth_simulateV1", "(batch of 3)"),
                    transport.log().subList(0, 4), "the balance, the fees and the simulation in one batch");
            assertEquals(List.of("eth_sendRawTransaction", "eth_sendRawTransaction", "(batch of 2)"),
                    transport.log().subList(4, 7), "both transactions handed over in one batch");
        }
    }

    @Test
    void anExistingAllowanceDropsTheApprovalStep(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            client.tokens().approve(Amount.parse("50", token), vault).send();
            Operation<BigInteger> deposit = deposit(client, Amount.parse("20", token));
            Preview preview = deposit.preview();
            assertEquals(1, preview.steps().size(), "no approval needed");
            assertTrue(preview.steps().get(0).step().description().startsWith("deposit"));
            assertEquals(List.of(Amount.parse("20", token).wei()), List.of(deposit.send()));
        }
    }
}
