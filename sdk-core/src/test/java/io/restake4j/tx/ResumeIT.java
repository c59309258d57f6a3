package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.errors.ConfirmationTimeoutException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.testing.FaultyHttpService;
import io.restake4j.tokens.TransferResult;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Resuming: from an outcome whose transactions were not seen mined in time, from a journal holding only the
 * first step, and in a new JVM after the one that sent was killed. The typed result comes from the receipts;
 * nothing is signed twice (nonces and balances read from anvil directly).
 */
@DevnetTest
class ResumeIT {

    private static Token stEth;
    private static TestToken fixture;
    private static Token token;

    @BeforeAll
    static void tokens(Devnet devnet) throws Exception {
        stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        fixture = devnet.deployToken("Resumable", "RSM", 0);
        token = Token.erc20(fixture.getContractAddress(), "RSM", 0);
    }

    @Test
    void aDepositNotSeenMinedInTimeIsResumedToItsTypedResultWithoutSigningAgain(Devnet devnet) throws Exception {
        Credentials staker = DevnetAccounts.fresh(devnet, 801, 10);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), DevnetAccounts.eth(5));
        FaultyHttpService node = new FaultyHttpService(devnet.rpcUrl());
        node.withholdReceipts(true);
        Amount two = Amount.parse("2", stEth);
        SendOutcome outcome;
        try (Restaking client = DevnetClients.builder(devnet).signer(Signer.of(staker)).service(node)
                .receiptTimeout(Duration.ofMillis(800)).build()) {
            ConfirmationTimeoutException e = assertThrows(ConfirmationTimeoutException.class,
                    () -> client.eigenLayer().deposit(two).send());
            outcome = e.outcome().orElseThrow();
            assertEquals(SendOutcome.State.UNKNOWN, outcome.state());
            assertFalse(e.isRetryable(), "both transactions may be on chain");
            assertEquals(2, outcome.steps().size(), "approval and deposit");
            assertTrue(outcome.steps().stream().allMatch(s -> s.status() == SendOutcome.StepStatus.PENDING), outcome.toString());
            System.out.println("[resume] " + e.getMessage());
        }
        BigInteger nonceAfterSend = DevnetAccounts.nonce(devnet, staker);
        assertEquals(BigInteger.TWO, nonceAfterSend, "both were in fact mined");
        try (Restaking fresh = DevnetClients.client(devnet, staker)) {
            DepositResult result = fresh.eigenLayer().deposit(two).resume(outcome);
            assertEquals(two.wei(), result.shares().value(), "the shares, from the deposit's event");
            assertEquals(2, result.transactionCount());
            assertEquals(outcome.steps().get(1).hashes().get(0), result.transactionHashes().get(1));
        }
        assertEquals(nonceAfterSend, DevnetAccounts.nonce(devnet, staker), "resuming signed nothing");
    }

    @Test
    void aJournalWithOnlyTheApprovalResumesByAwaitingItAndSendingTheDeposit(Devnet devnet) throws Exception {
        Credentials staker = DevnetAccounts.fresh(devnet, 802, 10);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), DevnetAccounts.eth(5));
        Amount three = Amount.parse("3", stEth);
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            // As if the process stopped right after the approval was sent.
            String approval = client.tokens().approve(three, devnet.eigenLayer().strategyManager()).send()
                    .transactionHashes().get(0);
            List<OperationEvent.Stage> stages = new ArrayList<>();
            DepositResult result = client.eigenLayer().deposit(three).withListener(ev -> stages.add(ev.stage()))
                    .resume(List.of(approval));
            assertEquals(2, result.transactionCount());
            assertEquals(approval, result.transactionHashes().get(0), "the approval already sent counts as step 1");
            assertEquals(three.wei(), result.shares().value());
            assertTrue(stages.contains(OperationEvent.Stage.SENT), "the deposit was sent: " + stages);
        }
        assertEquals(BigInteger.TWO, DevnetAccounts.nonce(devnet, staker), "one approval, one deposit");
    }

    @Test
    void aJvmKilledRightAfterSendingIsResumedByANewClient(Devnet devnet) throws Exception {
        Credentials alice = DevnetAccounts.fresh(devnet, 803, 10);
        String bob = DevnetAccounts.fresh(devnet, 804, 1).getAddress();
        fixture.send_mint(alice.getAddress(), BigInteger.valueOf(100)).send();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(),
                devnet.rpcUrl(), Long.toString(devnet.chainId()), alice.getEcKeyPair().getPrivateKey().toString(16),
                token.address(), bob).redirectErrorStream(true).start();
        String hash = null;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("SIGNED ")) {
                    hash = line.substring(7).trim();
                }
                if (line.startsWith("SENT ")) {
                    child.destroyForcibly(); // killed right after the node took the transaction
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(hash != null, "the child journaled the hash before sending: " + lines);
        try (Restaking fresh = DevnetClients.client(devnet, alice)) {
            TransferResult r = fresh.tokens().transfer(Amount.parse("9", token), bob).resume(List.of(hash));
            assertEquals(List.of(hash), r.transactionHashes());
            System.out.println("[resume] killed JVM's transfer " + hash + " resumed by a new client: " + r.receipts().get(0)
                    .getStatus());
        }
        assertEquals(BigInteger.ONE, DevnetAccounts.nonce(devnet, alice), "one transaction, signed once");
        assertEquals(BigInteger.valueOf(9), fixture.call_balanceOf(bob).send());
    }

    /** The child of {@link #aJvmKilledRightAfterSendingIsResumedByANewClient}: journals, submits, says so, waits to die. */
    public static final class ResumeChild {
        public static void main(String[] args) throws Exception {
            Credentials who = Credentials.create(args[2]);
            try (Restaking client = Restaking.builder().rpc(args[0]).network(Network.of("devnet", Long.parseLong(args[1]),
                    java.util.Map.of())).signer(Signer.of(who)).build()) {
                Token t = Token.erc20(args[3], "RSM", 0);
                PendingOperation<TransferResult> p = client.tokens().transfer(Amount.parse("9", t), args[4])
                        .withListener(e -> {
                            if (e.stage() == OperationEvent.Stage.SIGNED) {
                                System.out.println("SIGNED " + e.transactionHash());
                                System.out.flush();
                            }
                        }).submit();
                System.out.println("SENT " + p.transactionHashes().get(0));
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
