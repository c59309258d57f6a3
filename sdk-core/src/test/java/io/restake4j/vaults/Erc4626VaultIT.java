package io.restake4j.vaults;

import static io.restake4j.testing.DevnetAccounts.assertRefused;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.testing.Vault4626;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * client.erc4626(vault) on our Vault4626 fixture over a 6-decimal TestToken with a virtual-shares offset of 3:
 * every write moves exactly what the contract's preview said at that state, after yield at a non-round rate too
 * (checked against the fixture's formula, rounded as EIP-4626 requires); the deposit cap is refused before signing;
 * an operation built earlier plans against the state of each run; a position costs one round trip.
 */
@DevnetTest
class Erc4626VaultIT {

    private static final BigInteger OFFSET = BigInteger.valueOf(3);
    private static final BigInteger VIRTUAL_SHARES = BigInteger.TEN.pow(OFFSET.intValueExact());

    private Credentials alice;
    private Credentials curator;
    private TestToken asset;
    private Vault4626 vault;
    private Vault4626 vaultAsCurator;

    @BeforeEach
    void deploy(Devnet devnet) throws Exception {
        alice = DevnetAccounts.fresh(devnet, 4626, 100);
        curator = DevnetAccounts.fresh(devnet, 4627, 100);
        asset = devnet.deployToken("Vault Dollar", "VUSD", 6);
        asset.send_mint(alice.getAddress(), usd(1_000_000)).send();
        asset.send_mint(curator.getAddress(), usd(1_000_000)).send();
        vaultAsCurator = Vault4626.deploy(devnet.web3j(), devnet.transactionManager(curator), devnet.gasProvider(),
                asset.getContractAddress(), OFFSET, "Vault Dollar shares", "vVUSD").send();
        vault = Vault4626.load(vaultAsCurator.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
    }

    private static BigInteger usd(long n) {
        return BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(6));
    }

    /** Yield: a plain transfer of assets to the vault by someone else. */
    private void donate(Devnet devnet, BigInteger wei) throws Exception {
        TestToken.load(asset.getContractAddress(), devnet.web3j(), devnet.transactionManager(curator), devnet.gasProvider())
                .send_transfer(vault.getContractAddress(), wei).send();
    }

    /** The fixture's formula: x * (supply + 10^offset) / (assets + 1), or its inverse, rounded as asked. */
    private BigInteger expected(BigInteger x, boolean toShares, boolean up) throws Exception {
        BigInteger supply = vault.call_totalSupply().send().add(VIRTUAL_SHARES);
        BigInteger held = vault.call_totalAssets().send().add(BigInteger.ONE);
        BigInteger[] qr = x.multiply(toShares ? supply : held).divideAndRemainder(toShares ? held : supply);
        return up && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    @Test
    void everyWriteMovesWhatThePreviewSaidAfterYieldToo(Devnet devnet) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Erc4626Vault v = client.erc4626(vault.getContractAddress());
            Token vusd = v.asset();
            Token shares = v.shareToken();
            assertEquals(asset.getContractAddress().toLowerCase(), vusd.address().toLowerCase());
            assertEquals("VUSD", vusd.symbol());
            assertEquals(6, vusd.decimals());
            assertEquals("vVUSD", shares.symbol());
            assertEquals(9, shares.decimals(), "asset decimals + offset");

            // deposit into the empty vault: 10^offset shares per wei
            Amount in = Amount.parse("1000", vusd);
            BigInteger sharesForIn = vault.call_previewDeposit(in.wei()).send();
            assertEquals(expected(in.wei(), true, false), sharesForIn);
            Operation<VaultResult> deposit = v.deposit(in);
            Preview preview = deposit.preview();
            assertEquals(2, preview.steps().size(), "approve + deposit");
            assertEquals(Amount.ofWei(sharesForIn, shares),
                    preview.quote(Erc4626Vault.EXPECTED_SHARES_QUOTE).orElseThrow().amount());
            VaultResult d = deposit.send();
            assertEquals(in, d.assets());
            assertEquals(Amount.ofWei(sharesForIn, shares), d.shares());
            assertEquals(sharesForIn, vault.call_balanceOf(alice.getAddress()).send());

            // yield at a non-round rate
            donate(devnet, new BigInteger("37123457"));
            VaultTotals totals = v.totals();
            assertEquals(usd(1000).add(new BigInteger("37123457")), totals.totalAssets().wei());
            assertEquals(sharesForIn, totals.totalShares().wei());

            // mint: pays previewMint, rounded up
            Amount mintShares = Amount.ofWei(new BigInteger("777777777777"), shares);
            BigInteger cost = vault.call_previewMint(mintShares.wei()).send();
            assertEquals(expected(mintShares.wei(), false, true), cost);
            assertEquals(cost.subtract(BigInteger.ONE), vault.call_convertToAssets(mintShares.wei()).send(),
                    "this rate does not divide evenly: rounded up by one wei against the floor conversion");
            assertEquals(Amount.ofWei(cost, vusd), v.previewMint(mintShares));
            VaultResult m = v.mint(mintShares).send();
            assertEquals(mintShares, m.shares());
            assertEquals(Amount.ofWei(cost, vusd), m.assets());

            // withdraw: burns previewWithdraw, rounded up
            Amount out = Amount.parse("123.456789", vusd);
            BigInteger burn = vault.call_previewWithdraw(out.wei()).send();
            assertEquals(expected(out.wei(), true, true), burn);
            assertTrue(burn.compareTo(vault.call_convertToShares(out.wei()).send()) > 0, "rounded up");
            BigInteger assetsBefore = asset.call_balanceOf(alice.getAddress()).send();
            VaultResult w = v.withdraw(out).send();
            assertEquals(out, w.assets());
            assertEquals(Amount.ofWei(burn, shares), w.shares());
            assertEquals(assetsBefore.add(out.wei()), asset.call_balanceOf(alice.getAddress()).send());

            // redeem all: pays previewRedeem, rounded down
            Amount rest = Amount.ofWei(vault.call_balanceOf(alice.getAddress()).send(), shares);
            BigInteger pay = vault.call_previewRedeem(rest.wei()).send();
            assertEquals(expected(rest.wei(), false, false), pay);
            assertEquals(Amount.ofWei(pay, vusd), v.redeem(rest).preview().quote(Erc4626Vault.EXPECTED_ASSETS_QUOTE)
                    .orElseThrow().amount());
            VaultResult r = v.redeem(rest).send();
            assertEquals(rest, r.shares());
            assertEquals(Amount.ofWei(pay, vusd), r.assets());
            assertEquals(BigInteger.ZERO, vault.call_balanceOf(alice.getAddress()).send());
            assertTrue(r.assets().wei().compareTo(usd(1000)) > 0, "the yield went to the only holder, less rounding");
        }
    }

    @Test
    void theDepositCapIsRefusedBeforeSigning(Devnet devnet) throws Exception {
        vaultAsCurator.send_setDepositCap(usd(500)).send();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Erc4626Vault v = client.erc4626(vault.getContractAddress());
            VaultLimits limits = v.limits();
            assertTrue(limits.depositLimited());
            assertEquals(Amount.ofWei(usd(500), v.asset()), limits.maxDeposit());
            assertEquals(vault.call_maxMint(alice.getAddress()).send(), limits.maxMint().wei());
            assertEquals(BigInteger.ZERO, limits.maxRedeem().wei());

            BigInteger nonce = nonce(devnet, alice);
            assertRefused("maxDeposit", () -> v.deposit(Amount.parse("500.000001", v.asset())).send());
            assertRefused("maxMint", () -> v.mint(limits.maxMint().plus(Amount.ofWei(BigInteger.ONE, v.shareToken())))
                    .send());
            assertRefused("exceeds the balance of 0 vVUSD", () -> v.redeem(Amount.parse("1", v.shareToken())).send());
            assertEquals(nonce, nonce(devnet, alice), "nothing was signed");

            VaultResult full = v.deposit(Amount.parse("500", v.asset())).send();
            assertEquals(usd(500), full.assets().wei());
            assertEquals(BigInteger.ZERO, v.limits().maxDeposit().wei(), "the cap is reached");
            assertRefused("maxDeposit", () -> v.deposit(Amount.parse("0.000001", v.asset())).preview());
        }
    }

    @Test
    void anOperationBuiltEarlierPlansAgainstTheStateOfEachRun(Devnet devnet) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Erc4626Vault v = client.erc4626(vault.getContractAddress());
            Amount in = Amount.parse("250", v.asset());
            Operation<VaultResult> deposit = v.deposit(in);
            Amount before = deposit.preview().quote(Erc4626Vault.EXPECTED_SHARES_QUOTE).orElseThrow().amount();
            assertEquals(vault.call_previewDeposit(in.wei()).send(), before.wei());

            // someone else deposits, then yield arrives: the same operation now quotes and mints fewer shares
            Vault4626 other = vaultAsCurator;
            TestToken.load(asset.getContractAddress(), devnet.web3j(), devnet.transactionManager(curator),
                    devnet.gasProvider()).send_approve(other.getContractAddress(), usd(700)).send();
            other.send_deposit(usd(700), curator.getAddress()).send();
            donate(devnet, new BigInteger("9876543"));
            BigInteger now = vault.call_previewDeposit(in.wei()).send();
            assertNotEquals(before.wei(), now);
            assertEquals(now, deposit.preview().quote(Erc4626Vault.EXPECTED_SHARES_QUOTE).orElseThrow().amount().wei());
            assertEquals(now, deposit.send().shares().wei());

            // a cap set after the operation was built refuses its next run, before signing
            vaultAsCurator.send_setDepositCap(vault.call_totalAssets().send().add(usd(100))).send();
            BigInteger nonce = nonce(devnet, alice);
            assertRefused("maxDeposit", deposit::send);
            assertEquals(nonce, nonce(devnet, alice));
        }
    }

    @Test
    void aPositionIsOneRoundTrip(Devnet devnet) throws Exception {
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            Erc4626Vault v = client.erc4626(vault.getContractAddress());
            v.deposit(Amount.parse("1234.5", v.asset())).send();
            donate(devnet, new BigInteger("1000001"));
            v.asset();
            v.shareToken();

            transport.reset();
            VaultPosition p = v.position();
            System.out.println("[round trips] Erc4626Vault.position(): " + transport.roundTrips() + " HTTP request(s): "
                    + transport.log());
            assertEquals(1, transport.roundTrips(), transport.log().toString());
            assertEquals(1, transport.count("eth_call"));
            BigInteger held = vault.call_balanceOf(alice.getAddress()).send();
            assertEquals(Amount.ofWei(held, v.shareToken()), p.shares());
            assertEquals(vault.call_previewRedeem(held).send(), p.assets().wei());
            assertEquals(expected(held, false, false), p.assets().wei());
            assertEquals(v.asset(), p.assets().token());

            transport.reset();
            VaultPosition none = v.position(curator.getAddress());
            assertEquals(1, transport.roundTrips());
            assertTrue(none.shares().isZero());
            assertTrue(none.assets().isZero());
            assertFalse(p.assets().isZero());
        }
    }
}
