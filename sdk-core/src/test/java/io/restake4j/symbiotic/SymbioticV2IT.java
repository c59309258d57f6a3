package io.restake4j.symbiotic;

import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.restake4j.devnet.SymbioticDevnet.VaultV2Spec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;
import io.restake4j.vaults.VaultResult;

/**
 * {@code client.symbiotic()} on the devnet's Core V2 vaults: version detection, ERC-4626 deposits with the
 * 18-decimals share token over a 6-decimals asset, instant exits within {@code withdrawable()}, the withdrawal queue
 * (request, partial fill, claims, sweep after the adapter's release delay), the tickets from logs, and every refusal
 * before signing (nonce unchanged). Share figures are computed here: an empty vault mints
 * {@code assets * 10^(18 - 6)} shares, and while no gain or loss moves the price, each share is worth
 * {@code 10^-12} asset units exactly.
 */
@DevnetTest
class SymbioticV2IT {

    private static final BigInteger OFFSET = BigInteger.TEN.pow(12);
    private static final Duration RELEASE = Duration.ofDays(3);

    private static BigInteger usdc(long units) {
        return BigInteger.valueOf(units).multiply(BigInteger.valueOf(1_000_000));
    }

    @Test
    void depositInstantExitQueueAndClaimsThroughTheClient(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 253, 5);
        Credentials network = fresh(devnet, 254, 5);
        Credentials operator = fresh(devnet, 255, 5);
        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String vaultAddress = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Symbiotic USDC", "sUSDC"));
        String adapter = fixture.addAppAdapter(vaultAddress, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                operator.getAddress(), RELEASE, usdc(1_000));
        usdc.send_mint(alice.getAddress(), usdc(200)).send();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Symbiotic symbiotic = client.symbiotic();
            Token asset = client.tokens().token(usdc.getContractAddress());
            SymbioticVaultV2 vault = assertInstanceOf(SymbioticVaultV2.class, symbiotic.open(vaultAddress));
            assertEquals(3, vault.version());
            assertEquals(asset, vault.asset());
            assertEquals(18, vault.shareToken().decimals());
            assertTrue(symbiotic.vaults(asset).contains(vaultAddress), "discovery by asset finds V2 vaults too");

            VaultResult in = vault.deposit(Amount.parse("100", asset)).send();
            assertEquals(2, in.transactionCount(), "approve (short) + deposit");
            assertEquals(usdc(100).multiply(OFFSET), in.shares().wei(), "100e6 * 10^12 into an empty vault");
            assertTrue(symbiotic.vaultsOf(alice.getAddress()).stream().anyMatch(b -> b instanceof SymbioticVaultV2
                    && b.address().equalsIgnoreCase(vaultAddress)), "the account's vaults, from its shares");

            VaultResult out = vault.redeem(Amount.ofWei(usdc(10).multiply(OFFSET), vault.shareToken())).send();
            assertEquals(Amount.parse("10", asset), out.assets(), "instant, from free assets");

            fixture.allocate(vaultAddress, adapter, usdc(80));                       // 90 held: 10 free, 80 allocated
            SymbioticVaultV2Position p = vault.position();
            assertEquals(Amount.parse("90", asset), p.totalAssets());
            assertEquals(Amount.parse("10", asset), p.freeAssets());
            assertEquals(Amount.parse("10", asset), p.withdrawable(), "the adapter frees nothing before its delay");
            assertEquals(Amount.parse("90", asset), p.assets());

            BigInteger nonce = nonce(devnet, alice);
            assertCode(ErrorCode.ABOVE_MAXIMUM, () -> vault.withdraw(Amount.parse("10.000001", asset)).send());
            assertEquals(nonce, nonce(devnet, alice), "nothing was sent");

            // 50 worth of shares into the queue: the request sweeps, filling the 10 free at once
            SymbioticQueueResult queued = vault.requestRedeem(Amount.ofWei(usdc(50).multiply(OFFSET), vault.shareToken()))
                    .send();
            assertEquals(1, queued.tokenIds().size());
            BigInteger ticket = queued.tokenIds().get(0);
            assertEquals(usdc(50).multiply(OFFSET), queued.shares());
            SymbioticRedeemRequest r = vault.request(ticket);
            assertEquals(ExitStatus.CLAIMABLE, r.status(), "partly filled");
            assertEquals(Amount.parse("10", asset), r.claimableAssets());
            assertEquals(usdc(10).multiply(OFFSET), r.claimableShares());
            assertEquals(List.of(r), vault.requests(), "the account's tickets, from logs");

            nonce = nonce(devnet, alice);
            assertCode(ErrorCode.PROTOCOL_STATE, () -> vault.redeem(Amount.ofWei(OFFSET, vault.shareToken())).send());
            assertEquals(nonce, nonce(devnet, alice), "no instant exit while the queue has unfilled shares");

            SymbioticQueueResult first = vault.claim(ticket).send();
            assertEquals(Amount.parse("10", asset), first.assets());
            assertEquals(usdc(120), usdc.call_balanceOf(alice.getAddress()).send(), "200 - 100 + 10 + 10");
            SymbioticRedeemRequest waiting = vault.request(ticket);
            assertEquals(ExitStatus.PENDING, waiting.status());
            assertInstanceOf(Readiness.WhenFilled.class, waiting.readiness());
            nonce = nonce(devnet, alice);
            assertCode(ErrorCode.NOT_READY, () -> vault.claim(ticket).send());
            assertEquals(nonce, nonce(devnet, alice), "a claim of nothing is refused, not sent to pay 0");

            devnet.advanceTime(RELEASE.plusSeconds(1));
            SymbioticQueueResult swept = vault.sweep().send();
            assertEquals(Amount.parse("40", asset), swept.assets(), "the rest of the ticket, at the unchanged price");
            SymbioticQueueResult second = vault.claim(ticket).send();
            assertEquals(Amount.parse("40", asset), second.assets());
            assertEquals(ExitStatus.CLAIMED, vault.request(ticket).status());
            assertEquals(List.of(), vault.requests());
            assertCode(ErrorCode.ALREADY_DONE, () -> vault.claim(ticket).send());
            assertEquals(usdc(160), usdc.call_balanceOf(alice.getAddress()).send());
        }
    }

    @Test
    void refusalsComeBeforeSigning(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials bob = fresh(devnet, 256, 5);
        Credentials carol = fresh(devnet, 257, 5);
        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String listed = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Listed", "L").withDepositWhitelist());
        String capped = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Capped", "C")
                .withDepositLimit(usdc(3)));
        String v1 = fixture.createVault(VaultSpec.of(usdc.getContractAddress(), Duration.ofDays(7)));
        usdc.send_mint(bob.getAddress(), usdc(10)).send();
        try (Restaking client = DevnetClients.client(devnet, bob); Restaking other = DevnetClients.client(devnet, carol)) {
            Token asset = client.tokens().token(usdc.getContractAddress());
            Symbiotic symbiotic = client.symbiotic();
            BigInteger nonce = nonce(devnet, bob);
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> symbiotic.vault(capped).deposit(Amount.parse("1", asset)).send());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> symbiotic.vaultV2(v1).deposit(Amount.parse("1", asset)).send());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> symbiotic.vaultV2(v1).requestRedeemAll().send());
            assertInstanceOf(SymbioticVault.class, symbiotic.open(v1));
            assertCode(ErrorCode.NOT_FOUND, () -> symbiotic.open(usdc.getContractAddress()));
            assertCode(ErrorCode.NOT_PERMITTED, () -> symbiotic.vaultV2(listed).deposit(Amount.parse("1", asset)).send());
            SymbioticVaultV2 vault = symbiotic.vaultV2(capped);
            assertCode(ErrorCode.ABOVE_MAXIMUM, () -> vault.deposit(Amount.parse("3.000001", asset)).send());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> vault.deposit(Amount.parse("11", asset)).send());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> vault.requestRedeemAll().send());
            assertCode(ErrorCode.NOT_FOUND, () -> vault.claim(BigInteger.valueOf(7)).send());
            assertCode(ErrorCode.WRONG_TOKEN, () -> vault.requestRedeem(Amount.parse("1", asset)));
            assertEquals(nonce, nonce(devnet, bob), "nothing was sent");

            vault.deposit(Amount.parse("3", asset)).send();
            BigInteger ticket = vault.requestRedeem(Amount.ofWei(usdc(1).multiply(OFFSET), vault.shareToken())).send()
                    .tokenIds().get(0);
            BigInteger carolNonce = nonce(devnet, carol);
            assertCode(ErrorCode.NOT_PERMITTED, () -> other.symbiotic().vaultV2(capped).claim(ticket).send());
            assertEquals(carolNonce, nonce(devnet, carol), "nothing was sent");
            assertEquals(Amount.parse("1", asset), vault.claim(ticket).send().assets(), "filled at once from free assets");
        }
    }

    @Test
    void positionAndTicketsAreReadInCountedRoundTrips(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials dana = fresh(devnet, 258, 5);
        Credentials network = fresh(devnet, 259, 5);
        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String vaultAddress = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Counted", "CNT"));
        String adapter = fixture.addAppAdapter(vaultAddress, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                network.getAddress(), RELEASE, usdc(1_000));
        usdc.send_mint(dana.getAddress(), usdc(10)).send();
        try (Restaking client = DevnetClients.client(devnet, dana)) {
            Token asset = client.tokens().token(usdc.getContractAddress());
            SymbioticVaultV2 vault = client.symbiotic().vaultV2(vaultAddress);
            vault.deposit(Amount.parse("10", asset)).send();
            fixture.allocate(vaultAddress, adapter, usdc(10));
            vault.requestRedeem(Amount.ofWei(usdc(2).multiply(OFFSET), vault.shareToken())).send();
            vault.requestRedeem(Amount.ofWei(usdc(3).multiply(OFFSET), vault.shareToken())).send();
        }
        CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, dana, counting)) {
            SymbioticVaultV2 vault = client.symbiotic().vaultV2(vaultAddress);
            Token asset = vault.asset();
            vault.shareToken();
            vault.queue();
            vault.delegator();
            counting.reset();
            SymbioticVaultV2Position p = vault.position();
            assertEquals(2, counting.roundTrips(), "one Multicall3 batch, then convertToAssets: " + counting.log());
            assertEquals(usdc(5).multiply(OFFSET), p.queuePendingShares());
            counting.reset();
            List<SymbioticRedeemRequest> tickets = vault.requests();
            assertEquals(3, counting.roundTrips(), "the log scan, the tickets, their value: " + counting.log());
            assertEquals(1, counting.count("eth_getLogs"));
            assertEquals(2, tickets.size());
            assertEquals(List.of(BigInteger.ZERO, usdc(2).multiply(OFFSET)), tickets.stream()
                    .map(SymbioticRedeemRequest::sharesAhead).toList(), "first in, first out");
            assertEquals(List.of(Amount.parse("2", asset), Amount.parse("3", asset)), tickets.stream()
                    .map(t -> t.requested().get(0)).toList());
        }
    }

    /**
     * Exposure and slashing of a V2 vault: the adapter's subnetwork, operator, stake, slashable stake and cap; a slash
     * by the network's middleware appears in {@code slashes()} and in every holder's value (the share price falls).
     */
    @Test
    void exposureAndSlashesComeFromTheAdapters(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials fay = fresh(devnet, 262, 5);
        Credentials network = fresh(devnet, 263, 5);
        Credentials middleware = fresh(devnet, 264, 5);
        Credentials operator = fresh(devnet, 265, 5);
        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String vaultAddress = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Exposed", "EXP"));
        fixture.registerNetwork(network, middleware.getAddress());
        byte[] subnetwork = SymbioticDevnet.subnetwork(network.getAddress(), 7);
        String adapter = fixture.addAppAdapter(vaultAddress, subnetwork, operator.getAddress(), RELEASE, usdc(60));
        usdc.send_mint(fay.getAddress(), usdc(100)).send();
        try (Restaking client = DevnetClients.client(devnet, fay)) {
            Token asset = client.tokens().token(usdc.getContractAddress());
            SymbioticVaultV2 vault = client.symbiotic().vaultV2(vaultAddress);
            vault.deposit(Amount.parse("100", asset)).send();
            fixture.allocate(vaultAddress, adapter, usdc(50));
            List<SymbioticAdapterExposure> exposure = vault.exposure();
            assertEquals(1, exposure.size());
            SymbioticAdapterExposure e = exposure.get(0);
            assertEquals(adapter.toLowerCase(), e.adapter().toLowerCase());
            assertEquals(org.web3j.utils.Numeric.toHexString(subnetwork), e.subnetwork());
            assertEquals(network.getAddress().toLowerCase(), e.network().toLowerCase());
            assertEquals(BigInteger.valueOf(7), e.identifier());
            assertEquals(operator.getAddress().toLowerCase(), e.operator().toLowerCase());
            assertEquals(Amount.parse("50", asset), e.stake());
            assertEquals(Amount.parse("50", asset), e.slashable());
            assertEquals(Amount.parse("60", asset), e.limit(), "the absolute cap (100% share limit of 100 is above it)");
            assertEquals(List.of(), vault.slashes());

            fixture.slashAdapter(adapter, middleware, usdc(20));
            List<SymbioticSlash> slashes = vault.slashes();
            assertEquals(1, slashes.size());
            assertEquals(Amount.parse("20", asset), slashes.get(0).slashed());
            assertEquals(operator.getAddress().toLowerCase(), slashes.get(0).operator().toLowerCase());
            assertEquals(Amount.parse("30", asset), vault.exposure().get(0).stake());
            // 100e18 shares over 80 assets: convertToAssets(100e18) = 100e18 * (80e6 + 1) / (100e18 + 1e12), rounded down
            BigInteger shares = usdc(100).multiply(OFFSET);
            BigInteger worth = shares.multiply(usdc(80).add(BigInteger.ONE)).divide(shares.add(OFFSET));
            assertEquals(Amount.ofWei(worth, asset), vault.position().assets(), "the holder bears the slash");
        }
    }

    /**
     * Every V2 write mined a second after its simulation ({@link io.restake4j.testing.NextSecondBlocks}): each
     * pushes checkpoints its simulation updated in place, and each lands within its limit (the checkpoint
     * allowance). Prints each write's simulated and used gas.
     */
    @Test
    void writesLandWhenMinedASecondAfterTheirSimulation(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials ed = fresh(devnet, 260, 5);
        Credentials network = fresh(devnet, 261, 5);
        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String vaultAddress = fixture.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Late", "LATE"));
        String adapter = fixture.addAppAdapter(vaultAddress, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                network.getAddress(), RELEASE, usdc(1_000));
        usdc.send_mint(ed.getAddress(), usdc(20)).send();
        try (Restaking client = DevnetClients.client(devnet, ed, new io.restake4j.testing.NextSecondBlocks(devnet))) {
            Token asset = client.tokens().token(usdc.getContractAddress());
            SymbioticVaultV2 vault = client.symbiotic().vaultV2(vaultAddress);
            List<io.restake4j.tx.OperationResult> results = new java.util.ArrayList<>();
            results.add(vault.deposit(Amount.parse("10", asset)).send());
            results.add(vault.deposit(Amount.parse("5", asset)).send());
            fixture.allocate(vaultAddress, adapter, usdc(12));
            results.add(vault.requestRedeem(Amount.ofWei(usdc(4).multiply(OFFSET), vault.shareToken())).send());
            results.add(vault.requestRedeem(Amount.ofWei(usdc(2).multiply(OFFSET), vault.shareToken())).send());
            BigInteger first = ((SymbioticQueueResult) results.get(2)).tokenIds().get(0);
            results.add(vault.claim(first).send());
            devnet.advanceTime(RELEASE.plusSeconds(1));
            results.add(vault.sweep().send());
            results.add(vault.claim(first).send());
            for (io.restake4j.tx.OperationResult r : results) {
                io.restake4j.tx.Execution ex = r.execution();
                io.restake4j.tx.SimulatedStep step = ex.preview().steps().get(ex.preview().steps().size() - 1);
                System.out.printf("V2 %s a second late: simulated %s gas, used %s, limit %s%n", step.step().description(),
                        step.gasUsed(), ex.lastReceipt().getGasUsed(), step.gasLimit());
                assertTrue(ex.lastReceipt().isStatusOK(), step.step().description());
            }
            assertEquals(Amount.parse("9", asset), vault.position().assets(), "15 - 4 - 2 queued");
            assertEquals(usdc(9), usdc.call_balanceOf(ed.getAddress()).send(), "20 - 15 + 4 claimed");
        }
    }

    private static void assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
