package io.restake4j.symbiotic;

import static io.restake4j.testing.DevnetAccounts.assertRefused;
import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * {@code client.symbiotic()} on the devnet's v1 vaults: discovery by collateral, deposit with its approval,
 * withdraw and redeem into the next epoch's bucket, claims once the epoch has ended, and every refusal before
 * signing (nonce unchanged), with exact figures against the vault's own state.
 */
@DevnetTest
class SymbioticIT {

    private static final Duration EPOCH = Duration.ofDays(7);

    @Test
    void depositWithdrawRedeemAndClaimThroughTheClient(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 241, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        String vaultAddress = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        col.send_mint(alice.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Symbiotic symbiotic = client.symbiotic();
            Token token = client.tokens().token(col.getContractAddress());
            assertEquals(List.of(vaultAddress), symbiotic.vaults(token), "the factory's vault of that collateral");
            SymbioticVault vault = symbiotic.vault(vaultAddress);
            assertEquals(1, vault.version());
            assertEquals(token, vault.collateral());

            SymbioticVaultResult in = vault.deposit(Amount.parse("6", token)).send();
            assertEquals(2, in.transactionCount(), "approve (short) + deposit");
            assertEquals(Amount.parse("6", token), in.amount());
            assertEquals(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(6)), in.activeShares(), "1:1 into an empty vault");
            assertEquals(Amount.parse("6", token), vault.activeBalance());

            SymbioticVaultResult out = vault.withdraw(Amount.parse("2.5", token)).send();
            assertEquals(Amount.parse("2.5", token), out.amount());
            assertEquals(BigInteger.ONE, out.epoch().orElseThrow(), "requested in epoch 0: bucket 1");
            SymbioticWithdrawal bucket = vault.withdrawal(BigInteger.ONE);
            assertEquals(ExitStatus.PENDING, bucket.status());
            assertEquals(Amount.parse("2.5", token), bucket.amount());
            assertEquals(vault.epochStart(BigInteger.TWO), bucket.unlocksAt(), "claimable once epoch 1 has ended");
            assertEquals(new io.restake4j.exits.Readiness.AtEpoch(BigInteger.TWO, bucket.unlocksAt()), bucket.readiness());
            assertEquals(List.of(), bucket.claimable(), "nothing claimable while pending");

            // too early: refused before signing, with the time it unlocks
            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException early = assertThrows(InvalidInputException.class, () -> vault.claim(BigInteger.ONE).send());
            assertEquals(ErrorCode.NOT_READY, early.code());
            assertTrue(early.getMessage().contains(bucket.unlocksAt().toString()), early.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "nothing was sent");

            SymbioticVaultResult all = vault.redeemAll().send();
            assertEquals(BigInteger.ONE, all.epoch().orElseThrow());
            assertEquals(Amount.parse("3.5", token), all.amount(), "the rest, no dust");
            assertEquals(BigInteger.ZERO, vault.activeShares());

            fixture.advanceEpochs(vaultAddress, 2);
            assertEquals(ExitStatus.CLAIMABLE, vault.withdrawal(BigInteger.ONE).status());
            BigInteger before = col.call_balanceOf(alice.getAddress()).send();
            SymbioticVaultResult claimed = vault.claim(BigInteger.ONE).send();
            assertEquals(Amount.parse("6", token), claimed.amount());
            assertEquals(before.add(claimed.amount().wei()), col.call_balanceOf(alice.getAddress()).send());
            assertEquals(ExitStatus.CLAIMED, vault.withdrawal(BigInteger.ONE).status());
            assertRefused("already claimed", () -> vault.claim(BigInteger.ONE).send());
        }
    }

    @Test
    void pendingWithdrawalsComeFromLogsAndStateInFourRoundTrips(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials dave = fresh(devnet, 244, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        String vaultAddress = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        col.send_mint(dave.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking client = DevnetClients.client(devnet, dave)) {
            Token token = client.tokens().token(col.getContractAddress());
            SymbioticVault vault = client.symbiotic().vault(vaultAddress);
            vault.deposit(Amount.parse("9", token)).send();
            vault.withdraw(Amount.parse("1", token)).send();                       // bucket 1
            fixture.advanceEpochs(vaultAddress, 1);
            vault.withdraw(Amount.parse("2", token)).send();                       // bucket 2
            fixture.advanceEpochs(vaultAddress, 1);
            vault.withdraw(Amount.parse("3", token)).send();                       // bucket 3; bucket 1 is claimable
            vault.claim(BigInteger.ONE).send();
            fixture.advanceEpochs(vaultAddress, 1);                                // now epoch 3: bucket 2 claimable
            CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
            try (Restaking fresh = DevnetClients.client(devnet, dave, counting)) {
                SymbioticVault v = fresh.symbiotic().vault(vaultAddress);
                v.collateral();                                                    // version, collateral, token metadata
                v.epochStart(BigInteger.ZERO);                                     // the clock, kept
                counting.reset();
                SymbioticVaultPosition p = v.position();
                assertEquals(1, counting.roundTrips(), "one Multicall3 call: " + counting.log());
                assertEquals(Amount.parse("3", token), p.activeBalance(), "9 - 1 - 2 - 3");
                assertEquals(Amount.parse("3", token), p.pendingSlashable(), "bucket 3 only: bucket 2's epoch has ended");
                assertEquals(BigInteger.valueOf(3), p.epoch());
                assertEquals(Amount.parse("6", token), p.vaultTotalStake(), "active + buckets 3 and 4");
                counting.reset();
                List<SymbioticWithdrawal> pending = v.withdrawals();
                assertEquals(4, counting.roundTrips(), "logs, epoch at the first block, current epoch, buckets: "
                        + counting.log());
                assertEquals(1, counting.count("eth_getLogs"));
                assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(3)), pending.stream().map(SymbioticWithdrawal::epoch)
                        .toList(), "bucket 1 was claimed");
                assertEquals(List.of(ExitStatus.CLAIMABLE, ExitStatus.PENDING), pending.stream()
                        .map(SymbioticWithdrawal::status).toList());
                assertEquals(List.of(Amount.parse("2", token), Amount.parse("3", token)), pending.stream()
                        .map(SymbioticWithdrawal::amount).toList());
            }
        }
    }

    /**
     * A checkpoint write whose block lands a second after the simulated one. Anvil simulates a "pending" block in the
     * latest block's second, where the first deposit's checkpoints already are, so the simulation updates them in
     * place; when the wall clock ticks before the transaction is mined, the real block is a second later and pushes
     * new points (new storage). The transport here makes that tick happen every time: before each
     * eth_sendRawTransaction it sets the next block's timestamp to the latest's + 1. The steps' checkpoint allowance
     * pays for the pushes; without it the deposit runs out of gas (seen once in CI, and here with the allowance at 0).
     */
    @Test
    void checkpointWritesLandWhenTheBlockIsASecondAfterTheSimulation(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials gina = fresh(devnet, 249, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        String vaultAddress = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        col.send_mint(gina.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking client = DevnetClients.client(devnet, gina, new io.restake4j.testing.NextSecondBlocks(devnet))) {
            Token token = client.tokens().token(col.getContractAddress());
            SymbioticVault vault = client.symbiotic().vault(vaultAddress);
            vault.deposit(Amount.parse("1", token)).send();
            SymbioticVaultResult landed = vault.deposit(Amount.parse("2", token)).send();
            org.web3j.protocol.core.methods.response.TransactionReceipt receipt = landed.execution().lastReceipt();
            io.restake4j.tx.SimulatedStep simulated = landed.execution().preview().steps()
                    .get(landed.execution().preview().steps().size() - 1);
            System.out.printf("deposit a second after its simulation: simulated %s gas, used %s, limit %s (allowance %s)%n",
                    simulated.gasUsed(), receipt.getGasUsed(), simulated.gasLimit(), simulated.step().gasAllowance());
            assertTrue(receipt.isStatusOK(), "the second deposit landed");
            assertTrue(receipt.getGasUsed().compareTo(simulated.gasUsed()) > 0,
                    "the real block pushed checkpoints the simulation updated in place");
            assertEquals(SymbioticVault.CHECKPOINT_GAS.multiply(BigInteger.valueOf(3)), simulated.step().gasAllowance());
            assertEquals(Amount.parse("3", token), vault.activeBalance());
        }
    }

    @Test
    void stakerRewardsPayActiveSharesAtTheDistributionTime(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials erin = fresh(devnet, 245, 5);
        Credentials frank = fresh(devnet, 246, 5);
        Credentials network = fresh(devnet, 247, 5);
        Credentials middleware = fresh(devnet, 248, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        TestToken reward = devnet.deployToken("Reward", "RWD", 18);
        String vaultAddress = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        fixture.registerNetwork(network, middleware.getAddress());
        String rewardsAddress = fixture.createStakerRewards(vaultAddress, 1_000); // a 10% admin fee
        col.send_mint(erin.getAddress(), BigInteger.TEN.pow(19)).send();
        col.send_mint(frank.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking e = DevnetClients.client(devnet, erin); Restaking f = DevnetClients.client(devnet, frank)) {
            Token token = e.tokens().token(col.getContractAddress());
            e.symbiotic().vault(vaultAddress).deposit(Amount.parse("3", token)).send();
            f.symbiotic().vault(vaultAddress).deposit(Amount.parse("1.000000000000000001", token)).send();
            devnet.advanceTime(Duration.ofMinutes(10));
            BigInteger at = latest(devnet).subtract(BigInteger.valueOf(60));
            // frank withdraws after the snapshot: he is still paid for the shares he held then
            f.symbiotic().vault(vaultAddress).redeemAll().send();
            BigInteger amount = new BigInteger("100000000000000000007");
            reward.send_mint(middleware.getAddress(), amount).send();
            fixture.distributeRewards(rewardsAddress, middleware, network.getAddress(), reward.getContractAddress(), amount, at);

            Token rwd = e.tokens().token(reward.getContractAddress());
            BigInteger fee = amount.multiply(BigInteger.valueOf(1_000)).divide(BigInteger.valueOf(10_000));
            BigInteger distributed = amount.subtract(fee);
            BigInteger erinShares = BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(18));
            BigInteger totalShares = erinShares.add(new BigInteger("1000000000000000001"));
            BigInteger erinDue = distributed.multiply(erinShares).divide(totalShares);
            SymbioticStakerRewards rewards = e.symbiotic().stakerRewards(rewardsAddress);
            assertEquals(Amount.ofWei(erinDue, rwd), rewards.claimable(rwd, network.getAddress()));
            SymbioticRewardsResult paid = rewards.claim(rwd, network.getAddress()).send();
            assertEquals(Amount.ofWei(erinDue, rwd), paid.amount());
            assertEquals(BigInteger.ONE, paid.distributions());
            assertEquals(erinDue, reward.call_balanceOf(erin.getAddress()).send());
            BigInteger nonce = nonce(devnet, erin);
            assertCode(ErrorCode.NOT_FOUND, () -> rewards.claim(rwd, network.getAddress()).send());
            assertEquals(nonce, nonce(devnet, erin), "nothing was sent");
            BigInteger frankDue = distributed.multiply(totalShares.subtract(erinShares)).divide(totalShares);
            assertEquals(Amount.ofWei(frankDue, rwd), f.symbiotic().stakerRewards(rewardsAddress).claimable(rwd,
                    network.getAddress()), "the shares at the distribution's time count");
        }
    }

    @Test
    void slashesShowPendingVetoRequestsAndExecutedSlashes(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials gina = fresh(devnet, 249, 5);
        Credentials network = fresh(devnet, 250, 5);
        Credentials middleware = fresh(devnet, 251, 5);
        Credentials operator = fresh(devnet, 252, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        String vaultAddress = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        fixture.attachNetworkRestakeDelegator(vaultAddress);
        String slasher = fixture.attachVetoSlasher(vaultAddress, Duration.ofDays(1), 3);
        fixture.registerNetwork(network, middleware.getAddress());
        fixture.registerOperator(operator, vaultAddress, network.getAddress());
        fixture.setNetworkLimit(vaultAddress, network, 0, BigInteger.TEN.pow(21));
        byte[] subnetwork = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        fixture.setOperatorNetworkShares(vaultAddress, subnetwork, operator.getAddress(), BigInteger.ONE);
        col.send_mint(gina.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking client = DevnetClients.client(devnet, gina)) {
            Token token = client.tokens().token(col.getContractAddress());
            SymbioticVault vault = client.symbiotic().vault(vaultAddress);
            vault.deposit(Amount.parse("5", token)).send();
            assertEquals(List.of(), vault.slashes());
            List<SymbioticExposure> exposure = vault.exposure();
            assertEquals(1, exposure.size());
            SymbioticExposure e = exposure.get(0);
            assertEquals(org.web3j.crypto.Keys.toChecksumAddress(network.getAddress()), e.network());
            assertEquals(BigInteger.ZERO, e.identifier());
            assertEquals(Amount.parse("1000", token), e.maxNetworkLimit());
            assertEquals(Amount.parse("1000", token), e.networkLimit());
            assertEquals(List.of(new SymbioticExposure.OperatorStake(org.web3j.crypto.Keys.toChecksumAddress(
                    operator.getAddress()), Amount.parse("5", token))), e.operators(), "min(active stake, limit) x 1/1");
            devnet.advanceTime(Duration.ofMinutes(10));
            BigInteger capture = latest(devnet).subtract(BigInteger.valueOf(60));
            io.restake4j.devnet.fixtures.symbiotic.VetoSlasher asMiddleware = io.restake4j.devnet.fixtures.symbiotic.VetoSlasher
                    .load(slasher, devnet.web3j(), devnet.transactionManager(middleware), devnet.gasProvider());
            asMiddleware.send_requestSlash(subnetwork, operator.getAddress(), BigInteger.TEN.pow(18), capture, new byte[0]).send();

            List<SymbioticSlash> pending = vault.slashes();
            assertEquals(1, pending.size());
            SymbioticSlash request = pending.get(0);
            assertTrue(request.pending());
            assertEquals(BigInteger.ZERO, request.requestIndex());
            assertEquals(operator.getAddress(), request.operator());
            assertEquals(Amount.parse("1", token), request.requested());
            assertEquals(java.time.Instant.ofEpochSecond(capture.longValueExact()), request.captureTime());

            devnet.advanceTime(Duration.ofDays(1).plusSeconds(1));
            asMiddleware.send_executeSlash(BigInteger.ZERO, new byte[0]).send();
            List<SymbioticSlash> after = vault.slashes();
            assertEquals(1, after.size(), "executed: no longer pending");
            assertEquals(false, after.get(0).pending());
            assertEquals(Amount.parse("1", token), after.get(0).slashed());
            assertEquals(Amount.parse("4", token), vault.activeBalance(), "the slash took active stake");
        }
    }

    private static BigInteger latest(Devnet devnet) throws Exception {
        return devnet.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp();
    }

    @Test
    void refusalsComeBeforeSigning(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials bob = fresh(devnet, 242, 5);
        Credentials carol = fresh(devnet, 243, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 6);
        String listed = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH).withDepositWhitelist());
        String capped = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH).withDepositLimit(
                BigInteger.valueOf(3_000_000)));
        col.send_mint(bob.getAddress(), BigInteger.valueOf(10_000_000)).send();
        try (Restaking client = DevnetClients.client(devnet, bob); Restaking other = DevnetClients.client(devnet, carol)) {
            Token token = client.tokens().token(col.getContractAddress());
            BigInteger nonce = nonce(devnet, bob);
            assertCode(ErrorCode.NOT_PERMITTED, () -> client.symbiotic().vault(listed).deposit(Amount.parse("1", token)).send());
            SymbioticVault vault = client.symbiotic().vault(capped);
            assertCode(ErrorCode.ABOVE_MAXIMUM, () -> vault.deposit(Amount.parse("3.000001", token)).send());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> vault.withdraw(Amount.parse("1", token)).send());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> vault.redeemAll().send());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> vault.claimBatch(List.of()));
            assertCode(ErrorCode.WRONG_TOKEN, () -> vault.deposit(Amount.parse("1", Token.ETH)).send());
            assertEquals(nonce, nonce(devnet, bob), "nothing was sent");

            // bob withdraws for himself; carol, who is not the claimer, has nothing to claim
            vault.deposit(Amount.parse("3", token)).send();
            SymbioticVaultResult w = vault.withdraw(Amount.parse("1", token)).send();
            fixture.advanceEpochs(capped, 2);
            BigInteger carolNonce = nonce(devnet, carol);
            assertCode(ErrorCode.NOT_FOUND, () -> other.symbiotic().vault(capped).claim(w.epoch().orElseThrow()).send());
            assertEquals(carolNonce, nonce(devnet, carol), "nothing was sent");
            SymbioticVaultResult batch = vault.claimBatch(List.of(w.epoch().orElseThrow())).send();
            assertEquals(Amount.parse("1", token), batch.amount());
        }
    }

    private static void assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
