package io.restake4j.devnet.eigenlayer;

import static io.restake4j.devnet.eigenlayer.ElTestSupport.WAD;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.assertReverts;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.digest;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.domainSeparator;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.keccakEncode;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.sign;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.tokenAs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBase;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyManager;

/** Deposits into EigenLayer strategies on the devnet fixtures: wiring, share math, deposit by signature. */
@DevnetTest
class EigenLayerDepositsIT {

    private static final BigInteger OFFSET = BigInteger.valueOf(1000);

    @Test
    void fixturesAreDeployedWiredAndRegistered(Devnet devnet, DevnetAddresses book, EigenLayerDevnet el) throws Exception {
        assertSame(devnet.eigenLayer(), el, "injected by the extension");
        for (String name : List.of(DevnetAddresses.EIGENLAYER_STRATEGY_MANAGER, DevnetAddresses.EIGENLAYER_DELEGATION_MANAGER,
                DevnetAddresses.EIGENLAYER_ALLOCATION_MANAGER, DevnetAddresses.EIGENLAYER_REWARDS_COORDINATOR,
                DevnetAddresses.EIGENLAYER_EIGEN_POD_MANAGER, DevnetAddresses.EIGENLAYER_BEACON_DEPOSIT,
                DevnetAddresses.EIGENLAYER_STETH_STRATEGY, DevnetAddresses.LIDO_STETH,
                DevnetAddresses.EIGENLAYER_RETH_STRATEGY, DevnetAddresses.ROCKETPOOL_RETH)) {
            String code = devnet.web3j().ethGetCode(book.require(name), DefaultBlockParameterName.LATEST).send().getCode();
            assertTrue(code.length() > 2, name + " has code");
        }
        assertEquals(EigenLayerDevnet.BEACON_CHAIN_ETH_STRATEGY, book.require(DevnetAddresses.EIGENLAYER_BEACON_CHAIN_ETH_STRATEGY));

        StrategyManager sm = StrategyManager.load(el.strategyManager(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        DelegationManager dm = DelegationManager.load(el.delegationManager(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        assertEquals(el.delegationManager(), sm.call_delegation().send());
        assertEquals(el.strategyManager(), dm.call_strategyManager().send());
        assertEquals(el.allocationManager(), dm.call_allocationManager().send());
        assertEquals(el.eigenPodManager(), dm.call_eigenPodManager().send());
        assertEquals(BigInteger.valueOf(el.withdrawalDelayBlocks()), dm.call_minWithdrawalDelayBlocks().send());
        assertEquals("1.12.0", dm.call_version().send());
        assertArrayEquals(domainSeparator(devnet.chainId(), el.delegationManager()), dm.call_domainSeparator().send());
        assertArrayEquals(domainSeparator(devnet.chainId(), el.strategyManager()), sm.call_domainSeparator().send());
        assertTrue(sm.call_strategyIsWhitelistedForDeposit(el.stETHStrategy()).send());
        StrategyBase strategy = StrategyBase.load(el.stETHStrategy(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        assertEquals(el.stETH(), strategy.call_underlyingToken().send());
        assertEquals(el.strategyManager(), strategy.call_strategyManager().send());
    }

    @Test
    void shareMathUsesTheVirtualOffsetsExactlyIncludingRoundingAfterADonation(Devnet devnet,
            @Account(1) Credentials alice, @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String token = devnet.deployToken("Rounding", "RND", 18).getContractAddress();
        String strategyAddress = el.deployStrategy(token);
        for (Credentials c : List.of(alice, bob, carol)) {
            tokenAs(devnet, token, devnet.deployer()).send_mint(c.getAddress(), WAD.multiply(BigInteger.TEN)).send();
            tokenAs(devnet, token, c).send_approve(el.strategyManager(), WAD.multiply(BigInteger.TEN)).send();
        }
        StrategyBase strategy = StrategyBase.load(strategyAddress, devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());

        // first deposit: amount * (0 + 1e3) / (amount + 1e3 - amount) = amount
        BigInteger a = WAD;
        TransactionReceipt r1 = sm(devnet, alice).send_depositIntoStrategy(strategyAddress, token, a).send();
        assertEquals(a, strategy.call_shares(alice.getAddress()).send());
        assertEquals(a, strategy.call_totalShares().send());
        StrategyManager.DepositEventResponse deposit = StrategyManager.getDepositEvents(r1).get(0);
        assertEquals(alice.getAddress(), deposit.staker);
        assertEquals(strategyAddress, deposit.strategy);
        assertEquals(a, deposit.shares);
        assertEquals(WAD, StrategyBase.getExchangeRateEmittedEvents(r1).get(0).rate, "1:1 after the first deposit");

        // a donation straight to the strategy raises the exchange rate
        BigInteger donation = new BigInteger("500000000000000007");
        tokenAs(devnet, token, bob).send_transfer(strategyAddress, donation).send();

        // second depositor: newShares = c * (totalShares + 1e3) / (balanceBefore + 1e3), rounding down
        BigInteger c = new BigInteger("1000000000000000003");
        BigInteger balanceBefore = a.add(donation);
        BigInteger expected = c.multiply(a.add(OFFSET)).divide(balanceBefore.add(OFFSET));
        assertEquals(new BigInteger("666666666666666887"), expected, "the value this test pins (computed independently)");
        assertEquals(expected, strategy.call_underlyingToSharesView(c).send(), "the view agrees before the deposit");
        TransactionReceipt r2 = sm(devnet, carol).send_depositIntoStrategy(strategyAddress, token, c).send();
        assertEquals(expected, StrategyManager.getDepositEvents(r2).get(0).shares);
        assertEquals(expected, sm(devnet, carol).call_stakerDepositShares(carol.getAddress(), strategyAddress).send());
        BigInteger totalShares = a.add(expected);
        BigInteger balance = balanceBefore.add(c);
        assertEquals(totalShares, strategy.call_totalShares().send());
        assertEquals(WAD.multiply(balance.add(OFFSET)).divide(totalShares.add(OFFSET)),
                StrategyBase.getExchangeRateEmittedEvents(r2).get(0).rate);

        // views: (balance + 1e3) * shares / (totalShares + 1e3) and back
        assertEquals(balance.add(OFFSET).multiply(a).divide(totalShares.add(OFFSET)),
                strategy.call_sharesToUnderlyingView(a).send());
        assertEquals(balance.add(OFFSET).multiply(expected).divide(totalShares.add(OFFSET)),
                strategy.call_userUnderlyingView(carol.getAddress()).send());

        // a deposit worth less than one share reverts NewSharesZero (1 wei at a rate above 1)
        assertReverts(devnet, carol.getAddress(), el.strategyManager(),
                StrategyManager.getABI_send_depositIntoStrategy(strategyAddress, token, BigInteger.ONE), "NewSharesZero()");
        // only the StrategyManager may deposit into the strategy
        assertReverts(devnet, carol.getAddress(), strategyAddress,
                StrategyBase.getABI_send_deposit(token, BigInteger.ONE), "OnlyStrategyManager()");
        // the token must be the strategy's (checked by the strategy, after the transfer)
        el.stakeStETHFor(carol.getAddress(), WAD);
        tokenAs(devnet, el.stETH(), carol).send_approve(el.strategyManager(), WAD).send();
        assertReverts(devnet, carol.getAddress(), el.strategyManager(),
                StrategyManager.getABI_send_depositIntoStrategy(strategyAddress, el.stETH(), BigInteger.ONE), "OnlyUnderlyingToken()");
        // strategies must be whitelisted
        String unlisted = StrategyBase.deploy(devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider(),
                el.strategyManager(), token).send().getContractAddress();
        assertReverts(devnet, carol.getAddress(), el.strategyManager(),
                StrategyManager.getABI_send_depositIntoStrategy(unlisted, token, WAD), "StrategyNotWhitelisted()");

        var deposits = sm(devnet, alice).call_getDeposits(alice.getAddress()).send();
        assertEquals(List.of(strategyAddress), deposits.component1());
        assertEquals(List.of(a), deposits.component2());
        assertEquals(BigInteger.ONE, sm(devnet, alice).call_stakerStrategyListLength(alice.getAddress()).send());
        assertEquals(strategyAddress, sm(devnet, alice).call_stakerStrategyList(alice.getAddress(), BigInteger.ZERO).send());
    }

    @Test
    void depositBySignatureCreditsTheSignerAndConsumesItsNonce(Devnet devnet, @Account(4) Credentials staker,
            @Account(5) Credentials relayer) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        String token = el.stETH();
        BigInteger amount = new BigInteger("2500000000000000000");
        el.stakeStETHFor(relayer.getAddress(), amount.multiply(BigInteger.TWO));
        tokenAs(devnet, token, relayer).send_approve(el.strategyManager(), amount.multiply(BigInteger.TWO)).send();
        StrategyManager sm = sm(devnet, relayer);

        BigInteger nonce = sm.call_nonces(staker.getAddress()).send();
        BigInteger expiry = ElTestSupport.latestTimestamp(devnet).add(BigInteger.valueOf(3600));
        byte[] structHash = keccakEncode(
                new Bytes32(Hash.sha3("Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)".getBytes())),
                new Address(staker.getAddress()), new Address(strategy), new Address(token), new Uint256(amount),
                new Uint256(nonce), new Uint256(expiry));
        byte[] digest = digest(domainSeparator(devnet.chainId(), el.strategyManager()), structHash);
        assertArrayEquals(digest, sm.call_calculateStrategyDepositDigestHash(staker.getAddress(), strategy, token, amount,
                nonce, expiry).send(), "local EIP-712 digest = the contract's");

        // signed by someone else: InvalidSignature; expired: SignatureExpired
        assertReverts(devnet, relayer.getAddress(), el.strategyManager(), StrategyManager.getABI_send_depositIntoStrategyWithSignature(
                strategy, token, amount, staker.getAddress(), expiry, sign(digest, relayer)), "InvalidSignature()");
        BigInteger past = ElTestSupport.latestTimestamp(devnet).subtract(BigInteger.ONE);
        assertReverts(devnet, relayer.getAddress(), el.strategyManager(), StrategyManager.getABI_send_depositIntoStrategyWithSignature(
                strategy, token, amount, staker.getAddress(), past, sign(digest, staker)), "SignatureExpired()");

        sm.send_depositIntoStrategyWithSignature(strategy, token, amount, staker.getAddress(), expiry, sign(digest, staker)).send();
        assertEquals(amount, sm.call_stakerDepositShares(staker.getAddress(), strategy).send(), "first deposit: 1:1");
        assertEquals(BigInteger.ZERO, sm.call_stakerDepositShares(relayer.getAddress(), strategy).send());
        assertEquals(nonce.add(BigInteger.ONE), sm.call_nonces(staker.getAddress()).send());
        // the same signature cannot be replayed: the nonce moved on
        assertReverts(devnet, relayer.getAddress(), el.strategyManager(), StrategyManager.getABI_send_depositIntoStrategyWithSignature(
                strategy, token, amount, staker.getAddress(), expiry, sign(digest, staker)), "InvalidSignature()");
    }

    private static StrategyManager sm(Devnet devnet, Credentials who) {
        return StrategyManager.load(devnet.eigenLayer().strategyManager(), devnet.web3j(), devnet.transactionManager(who),
                devnet.gasProvider());
    }
}
