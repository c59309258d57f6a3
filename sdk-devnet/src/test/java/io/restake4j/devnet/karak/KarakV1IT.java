package io.restake4j.devnet.karak;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.domainSeparator;
import static io.restake4j.devnet.testing.FixtureAsserts.signPermit;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDivUp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor;
import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor.QueuedWithdrawal;
import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor.WithdrawRequest;
import io.restake4j.devnet.fixtures.karak.v1.KarakVault;
import io.restake4j.devnet.fixtures.karak.v1.Querier;
import io.restake4j.devnet.fixtures.karak.v1.VaultSupervisor;

/**
 * Karak v1.3 on the devnet: supervisor deposits with solady's ERC-4626 math (virtual shares, offset 0) checked to
 * the wei after a donation, minSharesOut, the asset limit and the 32-vault cap, gimmieShares / returnShares /
 * depositAndGimmie, and the DelegationSupervisor's two-step withdrawal (delay, once only, the withdrawer only,
 * paid at the rate at finish), fetchQueuedWithdrawals, isWithdrawPending and the Querier.
 */
@DevnetTest
class KarakV1IT {

    private static final BigInteger LIMIT = eth(1_000);

    /** Solady ERC4626 with virtual shares and no decimals offset: floor(a * (S + 1) / (A + 1)). */
    private static BigInteger toShares(BigInteger assets, BigInteger supply, BigInteger total) {
        return mulDiv(assets, supply.add(BigInteger.ONE), total.add(BigInteger.ONE));
    }

    private static BigInteger toAssets(BigInteger shares, BigInteger supply, BigInteger total) {
        return mulDiv(shares, total.add(BigInteger.ONE), supply.add(BigInteger.ONE));
    }

    private record Setup(TestToken token, String vault, KarakVault vaultAsDeployer) {
    }

    private static Setup setup(Devnet devnet, KarakDevnet karak, BigInteger limit, Credentials... stakers) throws Exception {
        TestToken token = devnet.deployToken("Restaked ETH", "rsETH", 18);
        String vault = karak.createVault(token.getContractAddress(), limit);
        for (Credentials s : stakers) {
            token.send_mint(s.getAddress(), eth(100)).send();
            TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(s), devnet.gasProvider())
                    .send_approve(vault, eth(100)).send();
        }
        return new Setup(token, vault, KarakVault.load(vault, devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider()));
    }

    private static VaultSupervisor supervisor(Devnet devnet, KarakDevnet karak, Credentials who) {
        return VaultSupervisor.load(karak.vaultSupervisor(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    private static DelegationSupervisor delegation(Devnet devnet, KarakDevnet karak, Credentials who) {
        return DelegationSupervisor.load(karak.delegationSupervisor(), devnet.web3j(), devnet.transactionManager(who),
                devnet.gasProvider());
    }

    private static BigInteger balance(TestToken token, String who) throws Exception {
        return token.call_balanceOf(who).send();
    }

    @Test
    void theFixturesAreInTheAddressBookAndTheTypeHashIsV13(Devnet devnet, KarakDevnet karak) throws Exception {
        assertEquals(karak.vaultSupervisor(), devnet.addresses().require(DevnetAddresses.KARAK_VAULT_SUPERVISOR));
        assertEquals(karak.delegationSupervisor(), devnet.addresses().require(DevnetAddresses.KARAK_DELEGATION_SUPERVISOR));
        assertEquals(karak.querier(), devnet.addresses().require(DevnetAddresses.KARAK_QUERIER));
        VaultSupervisor vs = supervisor(devnet, karak, devnet.account(0));
        assertEquals("0x94fb01b7061fcfca7a3e92b7604dda2f7f5f098146840ac40016cda24c3a8859",
                Numeric.toHexString(vs.call_SIGNED_DEPOSIT_TYPEHASH().send()));
        assertEquals(KarakDevnet.DEFAULT_WITHDRAWAL_DELAY, karak.withdrawalDelay());
        assertEquals(karak.delegationSupervisor(), vs.call_delegationSupervisor().send());
    }

    @Test
    void depositsMintSolady4626SharesToTheSupervisorAndCreditTheStaker(Devnet devnet, KarakDevnet karak,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        Setup s = setup(devnet, karak, LIMIT, alice, bob);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);
        VaultSupervisor asBob = supervisor(devnet, karak, bob);
        KarakVault v = s.vaultAsDeployer();
        assertEquals(s.token().getContractAddress(), v.call_asset().send());
        assertEquals(BigInteger.valueOf(KarakDevnet.AssetType.OTHER.ordinal()), v.call_assetType().send());
        assertEquals(LIMIT, v.call_assetLimit().send());
        assertEquals(BigInteger.valueOf(18), v.call_decimals().send());
        List<String> vaults = asAlice.call_getVaults().send();
        assertEquals(s.vault(), vaults.get(vaults.size() - 1));

        // first deposit: 1 share per wei (S = 0, A = 0)
        BigInteger a1 = eth(3);
        TransactionReceipt r1 = asAlice.send_deposit(s.vault(), a1, a1).send();
        System.out.println("Karak gas: VaultSupervisor.deposit (first, new vault for the staker) = " + r1.getGasUsed());
        assertEquals(a1, v.call_balanceOf(karak.vaultSupervisor()).send());
        assertEquals(a1, v.call_totalSupply().send());
        assertEquals(eth(97), balance(s.token(), alice.getAddress()));

        // a donation gives the vault an awkward rate
        BigInteger donation = new BigInteger("777777777777777777");
        TestToken.load(s.token().getContractAddress(), devnet.web3j(), devnet.transactionManager(bob), devnet.gasProvider())
                .send_transfer(s.vault(), donation).send();
        BigInteger supply = a1;
        BigInteger total = a1.add(donation);
        assertEquals(total, v.call_totalAssets().send());

        BigInteger a2 = new BigInteger("1234567890123456789");
        BigInteger expected2 = toShares(a2, supply, total);
        assertEquals(expected2, v.call_previewDeposit(a2).send());
        assertEquals(expected2, asBob.call_deposit(s.vault(), a2, expected2).send());
        assertRevertsWith(devnet, bob.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_deposit(s.vault(), a2, expected2.add(BigInteger.ONE)), "NotEnoughShares()");
        TransactionReceipt r2 = asBob.send_deposit(s.vault(), a2, expected2).send();
        System.out.println("Karak gas: VaultSupervisor.deposit (another staker, vault not empty) = " + r2.getGasUsed());
        supply = supply.add(expected2);
        total = total.add(a2);

        BigInteger a3 = BigInteger.valueOf(999_999_999_999L);
        BigInteger expected3 = toShares(a3, supply, total);
        asAlice.send_deposit(s.vault(), a3, BigInteger.ZERO).send();
        supply = supply.add(expected3);
        total = total.add(a3);
        assertEquals(supply, v.call_totalSupply().send());
        assertEquals(supply, v.call_balanceOf(karak.vaultSupervisor()).send());

        Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> alice4 =
                asAlice.call_getDeposits(alice.getAddress()).send();
        assertEquals(List.of(s.vault()), alice4.component1());
        assertEquals(List.of(s.token().getContractAddress()), alice4.component2());
        BigInteger aliceShares = a1.add(expected3);
        assertEquals(List.of(aliceShares), alice4.component4());
        assertEquals(List.of(toAssets(aliceShares, supply, total)), alice4.component3());
        assertEquals(List.of(expected2), asBob.call_getDeposits(bob.getAddress()).send().component4());
        // ERC-4626 rounding: previewMint / previewWithdraw up, convert* down
        BigInteger q = BigInteger.valueOf(123_456_789L);
        assertEquals(toAssets(q, supply, total), v.call_convertToAssets(q).send());
        assertEquals(mulDivUp(q, total.add(BigInteger.ONE), supply.add(BigInteger.ONE)), v.call_previewMint(q).send());
        assertEquals(mulDivUp(q, supply.add(BigInteger.ONE), total.add(BigInteger.ONE)), v.call_previewWithdraw(q).send());
        assertEquals(LIMIT.subtract(total), v.call_maxDeposit(alice.getAddress()).send());

        // zero, foreign vault, the vault's own owner-only deposit
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_deposit(s.vault(), BigInteger.ZERO, BigInteger.ZERO), "ZeroAmount()");
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_deposit(s.token().getContractAddress(), BigInteger.ONE, BigInteger.ZERO),
                "VaultNotAChildVault()");
        assertRevertsWith(devnet, alice.getAddress(), s.vault(), KarakVault.getABI_send_deposit(BigInteger.ONE,
                alice.getAddress()), "Unauthorized()");
    }

    @Test
    void theAssetLimitAndTheThirtyTwoVaultCapRefuseDeposits(Devnet devnet, KarakDevnet karak,
            @Account(1) Credentials alice) throws Exception {
        Setup s = setup(devnet, karak, eth(5), alice);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);
        asAlice.send_deposit(s.vault(), eth(4), BigInteger.ZERO).send();
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_deposit(s.vault(), eth(1).add(BigInteger.ONE), BigInteger.ZERO),
                "DepositMoreThanMax()");
        asAlice.send_deposit(s.vault(), eth(1), BigInteger.ZERO).send();
        assertEquals(BigInteger.ZERO, s.vaultAsDeployer().call_maxDeposit(alice.getAddress()).send());
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_deposit(s.vault(), BigInteger.ONE, BigInteger.ZERO), "DepositMoreThanMax()");
        karak.setAssetLimit(s.vault(), eth(6));
        assertEquals(eth(1), s.vaultAsDeployer().call_maxDeposit(alice.getAddress()).send());

        // 31 more vaults fill the staker's list; a 33rd vault is refused
        TestToken token = s.token();
        for (int i = 0; i < 32; i++) {
            String vault = karak.createVault(token.getContractAddress(), LIMIT);
            TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                    .send_approve(vault, BigInteger.ONE).send();
            if (i < 31) {
                asAlice.send_deposit(vault, BigInteger.ONE, BigInteger.ONE).send();
            } else {
                assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                        VaultSupervisor.getABI_send_deposit(vault, BigInteger.ONE, BigInteger.ZERO), "MaxStakerVault()");
            }
        }
        assertEquals(32, asAlice.call_getDeposits(alice.getAddress()).send().component1().size());
        // more into a vault already held is fine
        asAlice.send_deposit(s.vault(), eth(1), BigInteger.ZERO).send();
    }

    @Test
    void gimmieAndReturnMoveSharesInAndOutOfTheSupervisor(Devnet devnet, KarakDevnet karak,
            @Account(1) Credentials alice) throws Exception {
        Setup s = setup(devnet, karak, LIMIT, alice);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);
        KarakVault shareToken = KarakVault.load(s.vault(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());
        asAlice.send_deposit(s.vault(), eth(2), BigInteger.ZERO).send();

        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_gimmieShares(s.vault(), BigInteger.ZERO), "ZeroShares()");
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_gimmieShares(s.vault(), eth(2).add(BigInteger.ONE)), "NotEnoughShares()");
        TransactionReceipt gave = asAlice.send_gimmieShares(s.vault(), eth(1)).send();
        var event = VaultSupervisor.getGaveSharesEvents(gave).get(0);
        assertEquals(alice.getAddress(), event.staker);
        assertEquals(s.vault(), event.shareToken);
        assertEquals(eth(1), event.shares);
        assertEquals(eth(1), shareToken.call_balanceOf(alice.getAddress()).send());
        assertEquals(List.of(eth(1)), asAlice.call_getDeposits(alice.getAddress()).send().component4());
        asAlice.send_gimmieShares(s.vault(), eth(1)).send();
        assertEquals(List.of(), asAlice.call_getDeposits(alice.getAddress()).send().component1(), "the vault leaves the list at 0");

        // returning needs the share token approved to the supervisor
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_returnShares(s.vault(), eth(1)), "InsufficientAllowance()");
        shareToken.send_approve(karak.vaultSupervisor(), eth(1)).send();
        TransactionReceipt back = asAlice.send_returnShares(s.vault(), eth(1)).send();
        assertEquals(eth(1), VaultSupervisor.getReturnedSharesEvents(back).get(0).shares);
        assertEquals(List.of(eth(1)), asAlice.call_getDeposits(alice.getAddress()).send().component4());
        assertEquals(eth(1), shareToken.call_balanceOf(alice.getAddress()).send());

        // depositAndGimmie: the new shares go straight to the caller
        BigInteger minted = asAlice.call_depositAndGimmie(s.vault(), eth(3), BigInteger.ZERO).send();
        asAlice.send_depositAndGimmie(s.vault(), eth(3), minted).send();
        assertEquals(eth(1).add(minted), shareToken.call_balanceOf(alice.getAddress()).send());
        assertEquals(List.of(eth(1)), asAlice.call_getDeposits(alice.getAddress()).send().component4());

        // not offered by the fixture
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_migrate(s.vault(), s.vault(), BigInteger.ONE, BigInteger.ZERO, new byte[0]),
                "NotSupportedByFixture(string)", new Utf8String("migrate"));
        // only the DelegationSupervisor removes or redeems credit
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_removeShares(alice.getAddress(), s.vault(), BigInteger.ONE), "NotDelegationSupervisor()");
    }

    @Test
    void withdrawalsWaitTheDelayFinishOnceForTheWithdrawerAndPayAtTheFinishRate(Devnet devnet, KarakDevnet karak,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        Setup s = setup(devnet, karak, LIMIT, alice, bob);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);
        DelegationSupervisor dsAlice = delegation(devnet, karak, alice);
        KarakVault v = s.vaultAsDeployer();
        karak.setWithdrawalDelay(Duration.ofHours(6));
        assertEquals(Duration.ofHours(6), karak.withdrawalDelay());
        assertThrows(IllegalArgumentException.class, () -> karak.setWithdrawalDelay(Duration.ofDays(31)));
        assertRevertsWith(devnet, devnet.deployer().getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_updateMinWithdrawDelay(BigInteger.valueOf(30L * 86400 + 1)),
                "InvalidWithdrawalDelay()");
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_updateMinWithdrawDelay(BigInteger.ONE), "Unauthorized()");

        BigInteger deposited = new BigInteger("5000000000000000003");
        asAlice.send_deposit(s.vault(), deposited, BigInteger.ZERO).send();
        BigInteger shares = deposited; // first deposit: 1:1
        BigInteger part = new BigInteger("2000000000000000001");

        // refusals at start
        WithdrawRequest toBob = new WithdrawRequest(List.of(s.vault()), List.of(part), bob.getAddress());
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_startWithdraw(List.of(toBob)), "NotStaker()");
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_startWithdraw(List.of()), "InvalidInput()");
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_startWithdraw(List.of(new WithdrawRequest(List.of(s.vault()),
                        List.of(part, part), alice.getAddress()))), "ArrayLengthsNotEqual()");
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_startWithdraw(List.of(new WithdrawRequest(List.of(), List.of(),
                        alice.getAddress()))), "NoElementsInArray()");
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_startWithdraw(List.of(new WithdrawRequest(List.of(s.vault()),
                        List.of(shares.add(BigInteger.ONE)), alice.getAddress()))), "NotEnoughShares()");

        // two withdrawals: nonces 0 and 1
        WithdrawRequest first = new WithdrawRequest(List.of(s.vault()), List.of(part), alice.getAddress());
        Tuple2<List<byte[]>, List<QueuedWithdrawal>> preview = dsAlice.call_startWithdraw(List.of(first)).send();
        TransactionReceipt started = dsAlice.send_startWithdraw(List.of(first)).send();
        System.out.println("Karak gas: DelegationSupervisor.startWithdraw (one vault) = " + started.getGasUsed());
        var startedEvent = DelegationSupervisor.getStartedWithdrawalEvents(started).get(0);
        assertEquals(alice.getAddress(), startedEvent.staker);
        assertEquals("0x0000000000000000000000000000000000000000", startedEvent.operator);
        assertEquals(part, startedEvent.shares);
        assertEquals(List.of(shares.subtract(part)), asAlice.call_getDeposits(alice.getAddress()).send().component4(),
                "the shares leave the credit at once");
        dsAlice.send_startWithdraw(List.of(new WithdrawRequest(List.of(s.vault()), List.of(shares.subtract(part)),
                alice.getAddress()))).send();
        assertEquals(List.of(), asAlice.call_getDeposits(alice.getAddress()).send().component1());

        List<QueuedWithdrawal> queued = dsAlice.call_fetchQueuedWithdrawals(alice.getAddress()).send();
        assertEquals(2, queued.size());
        QueuedWithdrawal w0 = queued.get(0);
        assertEquals(alice.getAddress(), w0.staker);
        assertEquals("0x0000000000000000000000000000000000000000", w0.delegatedTo);
        assertEquals(BigInteger.ZERO, w0.nonce);
        assertEquals(BigInteger.ONE, queued.get(1).nonce);
        assertEquals(devnet.web3j().ethGetBlockByHash(started.getBlockHash(), false).send().getBlock().getTimestamp(), w0.start);
        assertEquals(List.of(part), w0.request.shares);
        // root = keccak256(abi.encode(withdrawal))
        byte[] root = Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(w0))));
        // startWithdraw returns each root with its withdrawal (a simulation: its start may be a later second than the tx's)
        QueuedWithdrawal simulated = preview.component2().get(0);
        assertArrayEquals(Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(simulated)))),
                preview.component1().get(0));
        assertEquals(BigInteger.ZERO, simulated.nonce);
        assertTrue(dsAlice.call_isWithdrawPending(w0).send());
        Querier querier = Querier.load(karak.querier(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(List.of(true, true), querier.call_getWithdraws(alice.getAddress()).send().component2());

        // too early, someone else's
        devnet.advanceTime(Duration.ofHours(6).minusSeconds(30));
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_finishWithdraw(List.of(w0)), "MinWithdrawDelayNotPassed()");
        karak.advancePastWithdrawalDelay();
        assertRevertsWith(devnet, bob.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_finishWithdraw(List.of(w0)), "WithdrawerNotCaller()");
        QueuedWithdrawal forged = new QueuedWithdrawal(w0.staker, w0.delegatedTo, BigInteger.valueOf(7), w0.start, w0.request);
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_finishWithdraw(List.of(forged)), "WithdrawAlreadyCompleted()");

        // a donation during the delay: the payout uses the rate at finish time
        BigInteger donation = new BigInteger("333333333333333333");
        TestToken.load(s.token().getContractAddress(), devnet.web3j(), devnet.transactionManager(bob), devnet.gasProvider())
                .send_transfer(s.vault(), donation).send();
        BigInteger supply = v.call_totalSupply().send();
        BigInteger total = v.call_totalAssets().send();
        assertEquals(deposited, supply);
        assertEquals(deposited.add(donation), total);
        BigInteger expectedPay = toAssets(part, supply, total);
        BigInteger before = balance(s.token(), alice.getAddress());
        TransactionReceipt finished = dsAlice.send_finishWithdraw(List.of(w0)).send();
        System.out.println("Karak gas: DelegationSupervisor.finishWithdraw (one vault) = " + finished.getGasUsed());
        assertEquals(before.add(expectedPay), balance(s.token(), alice.getAddress()));
        var finishedEvent = DelegationSupervisor.getFinishedWithdrawalEvents(finished).get(0);
        assertArrayEquals(root, finishedEvent.withdrawRoot);
        assertEquals(part, finishedEvent.shares);
        assertEquals(supply.subtract(part), v.call_totalSupply().send());
        assertFalse(dsAlice.call_isWithdrawPending(w0).send());
        assertRevertsWith(devnet, alice.getAddress(), karak.delegationSupervisor(),
                DelegationSupervisor.getABI_send_finishWithdraw(List.of(w0)), "WithdrawAlreadyCompleted()");
        assertEquals(2, dsAlice.call_fetchQueuedWithdrawals(alice.getAddress()).send().size(), "finished ones stay listed");
        assertEquals(List.of(false, true), querier.call_getWithdraws(alice.getAddress()).send().component2());

        // the second one at its own (later) rate
        QueuedWithdrawal w1 = queued.get(1);
        BigInteger rest = shares.subtract(part);
        BigInteger expectedRest = toAssets(rest, v.call_totalSupply().send(), v.call_totalAssets().send());
        before = balance(s.token(), alice.getAddress());
        dsAlice.send_finishWithdraw(List.of(w1)).send();
        assertEquals(before.add(expectedRest), balance(s.token(), alice.getAddress()));
        assertEquals(BigInteger.ZERO, v.call_totalSupply().send());
    }

    /** Upstream's signed-deposit digest: packed struct data (the vault in 20 bytes), then EIP-191/712 framing. */
    private static Sign.SignatureData signDeposit(byte[] domain, Credentials user, String vault, BigInteger deadline,
            BigInteger value, BigInteger minSharesOut, BigInteger nonce) {
        byte[] typeHash = Hash.sha3("Deposit(address vault, uint256 deadline, uint256 value, uint256 minSharesOut, uint256 nonce)"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] packed = Numeric.hexStringToByteArray(Numeric.toHexStringNoPrefix(typeHash)
                + Numeric.cleanHexPrefix(vault).toLowerCase(java.util.Locale.ROOT)
                + Numeric.toHexStringNoPrefixZeroPadded(deadline, 64) + Numeric.toHexStringNoPrefixZeroPadded(value, 64)
                + Numeric.toHexStringNoPrefixZeroPadded(minSharesOut, 64) + Numeric.toHexStringNoPrefixZeroPadded(nonce, 64));
        byte[] buf = new byte[66];
        buf[0] = 0x19;
        buf[1] = 0x01;
        System.arraycopy(domain, 0, buf, 2, 32);
        System.arraycopy(Hash.sha3(packed), 0, buf, 34, 32);
        return Sign.signMessage(Hash.sha3(buf), user.getEcKeyPair(), false);
    }

    private static VaultSupervisor.Signature sig(Sign.SignatureData d) {
        return new VaultSupervisor.Signature(BigInteger.valueOf(d.getV()[0] & 0xff), d.getR(), d.getS());
    }

    @Test
    void aSignedDepositUsesThePermitAndTheUsersNonce(Devnet devnet, KarakDevnet karak, @Account(1) Credentials alice,
            @Account(2) Credentials relayer) throws Exception {
        TestToken token = devnet.deployToken("Restaked ETH", "rsETH", 18);
        String vault = karak.createVault(token.getContractAddress(), LIMIT);
        token.send_mint(alice.getAddress(), eth(10)).send();
        VaultSupervisor asRelayer = supervisor(devnet, karak, relayer);
        byte[] domain = domainSeparator("Karak_Vault_Sup", "v1", devnet.chainId(), karak.vaultSupervisor());
        assertArrayEquals(domain, asRelayer.call_DOMAIN_SEPARATOR().send());
        BigInteger deadline = devnet.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST,
                false).send().getBlock().getTimestamp().add(BigInteger.valueOf(3600));
        BigInteger value = eth(2);
        byte[] tokenDomain = asTokenDomain(devnet, token);
        VaultSupervisor.Signature permit = sig(signPermit(tokenDomain, alice, vault, value, BigInteger.ZERO, deadline));
        VaultSupervisor.Signature signed = sig(signDeposit(domain, alice, vault, deadline, value, value, BigInteger.ZERO));

        // wrong signer, wrong minSharesOut, expired
        VaultSupervisor.Signature bySomeoneElse = sig(signDeposit(domain, relayer, vault, deadline, value, value, BigInteger.ZERO));
        assertRevertsWith(devnet, relayer.getAddress(), karak.vaultSupervisor(), VaultSupervisor.getABI_send_depositWithSignature(
                vault, alice.getAddress(), value, value, deadline, permit, bySomeoneElse), "InvalidSignature()");
        assertRevertsWith(devnet, relayer.getAddress(), karak.vaultSupervisor(), VaultSupervisor.getABI_send_depositWithSignature(
                vault, alice.getAddress(), value, BigInteger.ONE, deadline, permit, signed), "InvalidSignature()");
        VaultSupervisor.Signature garbage = new VaultSupervisor.Signature(BigInteger.valueOf(27), new byte[32], new byte[32]);
        assertRevertsWith(devnet, relayer.getAddress(), karak.vaultSupervisor(), VaultSupervisor.getABI_send_depositWithSignature(
                vault, alice.getAddress(), value, value, deadline, garbage, signed), "PermitFailed()");

        TransactionReceipt r = asRelayer.send_depositWithSignature(vault, alice.getAddress(), value, value, deadline, permit,
                signed).send();
        System.out.println("Karak gas: VaultSupervisor.depositWithSignature (permit) = " + r.getGasUsed());
        assertEquals(BigInteger.ONE, asRelayer.call_getUserNonce(alice.getAddress()).send());
        assertEquals(List.of(value), asRelayer.call_getDeposits(alice.getAddress()).send().component4());
        assertEquals(List.of(), asRelayer.call_getDeposits(relayer.getAddress()).send().component1());
        assertEquals(eth(8), balance(token, alice.getAddress()));
        // replaying the same signature: nonce 1 now (the permit is spent too; an allowance would do, so approve one)
        TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send_approve(vault, value).send();
        assertRevertsWith(devnet, relayer.getAddress(), karak.vaultSupervisor(), VaultSupervisor.getABI_send_depositWithSignature(
                vault, alice.getAddress(), value, value, deadline, permit, signed), "InvalidSignature()");
        // with the allowance and a fresh signature (nonce 1), no permit needed
        VaultSupervisor.Signature second = sig(signDeposit(domain, alice, vault, deadline, value, BigInteger.ZERO, BigInteger.ONE));
        asRelayer.send_depositWithSignature(vault, alice.getAddress(), value, BigInteger.ZERO, deadline, garbage, second).send();
        assertEquals(BigInteger.TWO, asRelayer.call_getUserNonce(alice.getAddress()).send());
        devnet.advanceTime(Duration.ofHours(2));
        VaultSupervisor.Signature third = sig(signDeposit(domain, alice, vault, deadline, BigInteger.ONE, BigInteger.ZERO,
                BigInteger.TWO));
        TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send_approve(vault, value).send();
        assertRevertsWith(devnet, relayer.getAddress(), karak.vaultSupervisor(), VaultSupervisor.getABI_send_depositWithSignature(
                vault, alice.getAddress(), BigInteger.ONE, BigInteger.ZERO, deadline, garbage, third), "ExpiredSign()");
    }

    private static byte[] asTokenDomain(Devnet devnet, TestToken token) throws Exception {
        return io.restake4j.devnet.fixtures.common.TestToken.load(token.getContractAddress(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider()).call_DOMAIN_SEPARATOR().send();
    }

    @Test
    void aDevnetWithoutKarakSaysSo() {
        try (Devnet other = Devnet.builder().accounts(2).karak(false).eigenLayer(false).lido(false).etherFi(false)
                .symbiotic(false).rocketPool(false).start()) {
            DevnetException e = assertThrows(DevnetException.class, other::karak);
            assertTrue(e.getMessage().contains("karak(false)"), e.getMessage());
            assertTrue(other.addresses().find(DevnetAddresses.KARAK_VAULT_SUPERVISOR).isEmpty());
        }
    }
}
