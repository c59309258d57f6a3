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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.AllocationManager;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager.QueuedWithdrawalParams;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager.SignatureWithExpiry;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager.Withdrawal;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyManager;

/** Operators, delegation, the withdrawal queue and slashing on the EigenLayer devnet fixtures. */
@DevnetTest
class EigenLayerDelegationIT {

    private static final SignatureWithExpiry NO_SIGNATURE = new SignatureWithExpiry(new byte[0], BigInteger.ZERO);
    private static final byte[] ZERO_SALT = new byte[32];

    @Test
    void anApproverSignatureIsRequiredAndEachSaltWorksOnce(Devnet devnet, @Account(1) Credentials operator,
            @Account(2) Credentials approver, @Account(3) Credentials staker, @Account(4) Credentials other) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        TransactionReceipt registered = el.registerOperator(operator, approver.getAddress());
        assertEquals(approver.getAddress(), DelegationManager.getOperatorRegisteredEvents(registered).get(0).delegationApprover);
        DelegationManager dm = dm(devnet, staker);
        assertTrue(dm.call_isOperator(operator.getAddress()).send());
        assertEquals(operator.getAddress(), dm.call_delegatedTo(operator.getAddress()).send(), "operators delegate to themselves");
        assertEquals(approver.getAddress(), dm.call_delegationApprover(operator.getAddress()).send());
        var delay = el.allocationDelay(operator.getAddress());
        assertTrue(delay.component1(), "registration sets the allocation delay at once");
        assertEquals(BigInteger.valueOf(el.allocationDelayBlocks()), delay.component2());

        byte[] salt = Hash.sha3("salt-1".getBytes());
        BigInteger expiry = ElTestSupport.latestTimestamp(devnet).add(BigInteger.valueOf(600));
        byte[] structHash = keccakEncode(new Bytes32(Hash.sha3(
                "DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)".getBytes())),
                new Address(approver.getAddress()), new Address(staker.getAddress()), new Address(operator.getAddress()),
                new Bytes32(salt), new Uint256(expiry));
        byte[] digest = digest(domainSeparator(devnet.chainId(), el.delegationManager()), structHash);
        // the view takes (staker, operator, approver, salt, expiry): another order than the typehash
        assertArrayEquals(digest, dm.call_calculateDelegationApprovalDigestHash(staker.getAddress(), operator.getAddress(),
                approver.getAddress(), salt, expiry).send());

        assertReverts(devnet, staker.getAddress(), el.delegationManager(), DelegationManager.getABI_send_delegateTo(
                operator.getAddress(), NO_SIGNATURE, salt), "SignatureExpired()");
        assertReverts(devnet, staker.getAddress(), el.delegationManager(), DelegationManager.getABI_send_delegateTo(
                operator.getAddress(), new SignatureWithExpiry(sign(digest, staker), expiry), salt), "InvalidSignature()");

        TransactionReceipt delegated = dm.send_delegateTo(operator.getAddress(),
                new SignatureWithExpiry(sign(digest, approver), expiry), salt).send();
        assertEquals(operator.getAddress(), DelegationManager.getStakerDelegatedEvents(delegated).get(0).operator);
        assertEquals(operator.getAddress(), dm.call_delegatedTo(staker.getAddress()).send());
        assertTrue(dm.call_delegationApproverSaltIsSpent(approver.getAddress(), salt).send());

        // the same salt for another staker: SaltSpent, even with a valid signature for that staker
        byte[] otherDigest = dm.call_calculateDelegationApprovalDigestHash(other.getAddress(), operator.getAddress(),
                approver.getAddress(), salt, expiry).send();
        assertReverts(devnet, other.getAddress(), el.delegationManager(), DelegationManager.getABI_send_delegateTo(
                operator.getAddress(), new SignatureWithExpiry(sign(otherDigest, approver), expiry), salt), "SaltSpent()");
    }

    @Test
    void delegationRulesRevertWithTheirErrors(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker, @Account(4) Credentials stranger) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String dmAddress = el.delegationManager();
        assertReverts(devnet, staker.getAddress(), dmAddress, DelegationManager.getABI_send_delegateTo(
                operator.getAddress(), NO_SIGNATURE, ZERO_SALT), "OperatorNotRegistered()");
        assertReverts(devnet, staker.getAddress(), dmAddress, DelegationManager.getABI_send_undelegate(staker.getAddress()),
                "NotActivelyDelegated()");
        el.registerOperator(operator, null);
        assertReverts(devnet, operator.getAddress(), dmAddress, DelegationManager.getABI_send_undelegate(operator.getAddress()),
                "OperatorsCannotUndelegate()");
        assertReverts(devnet, operator.getAddress(), dmAddress, DelegationManager.getABI_send_registerAsOperator(
                Address.DEFAULT.getValue(), BigInteger.ZERO, ""), "ActivelyDelegated()");

        DelegationManager dm = dm(devnet, staker);
        dm.send_delegateTo(operator.getAddress(), NO_SIGNATURE, ZERO_SALT).send(); // no approver: no signature needed
        assertReverts(devnet, staker.getAddress(), dmAddress, DelegationManager.getABI_send_delegateTo(
                operator.getAddress(), NO_SIGNATURE, ZERO_SALT), "ActivelyDelegated()");
        assertReverts(devnet, stranger.getAddress(), dmAddress, DelegationManager.getABI_send_undelegate(staker.getAddress()),
                "CallerCannotUndelegate()");

        // the operator may undelegate its staker: a forced undelegation (no shares: no withdrawal queued)
        TransactionReceipt forced = dm(devnet, operator).send_undelegate(staker.getAddress()).send();
        assertEquals(1, DelegationManager.getStakerForceUndelegatedEvents(forced).size());
        assertEquals(1, DelegationManager.getStakerUndelegatedEvents(forced).size());
        assertFalse(dm.call_isDelegated(staker.getAddress()).send());
    }

    @Test
    void aQueuedWithdrawalCompletesStrictlyAfterTheDelayAndPaysExactly(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker, @Account(4) Credentials stranger) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("3000000000000000001");
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, deposit);
        DelegationManager dm = dm(devnet, staker);
        assertEquals(deposit, dm.call_operatorShares(operator.getAddress(), strategy).send());

        BigInteger part = new BigInteger("1000000000000000000");
        TransactionReceipt queued = dm.send_queueWithdrawals(List.of(new QueuedWithdrawalParams(List.of(strategy),
                List.of(part), stranger.getAddress()))).send();
        DelegationManager.SlashingWithdrawalQueuedEventResponse event =
                DelegationManager.getSlashingWithdrawalQueuedEvents(queued).get(0);
        Withdrawal w = event.withdrawal;
        long startBlock = queued.getBlockNumber().longValueExact();
        assertEquals(staker.getAddress(), w.staker);
        assertEquals(operator.getAddress(), w.delegatedTo);
        assertEquals(staker.getAddress(), w.withdrawer, "__deprecated_withdrawer is ignored");
        assertEquals(BigInteger.ZERO, w.nonce);
        assertEquals(BigInteger.valueOf(startBlock), w.startBlock);
        assertEquals(List.of(part), w.scaledShares, "dsf 1e18: scaled = deposit shares");
        assertEquals(List.of(part), event.sharesToWithdraw);
        // root = keccak256(abi.encode(withdrawal)), with the leading offset word
        assertArrayEquals(event.withdrawalRoot, dm.call_calculateWithdrawalRoot(w).send());
        assertArrayEquals(event.withdrawalRoot, keccakEncode(w));
        assertTrue(dm.call_pendingWithdrawals(event.withdrawalRoot).send());
        assertEquals(BigInteger.ONE, dm.call_cumulativeWithdrawalsQueued(staker.getAddress()).send());
        assertEquals(1, dm.call_getQueuedWithdrawalRoots(staker.getAddress()).send().size());
        assertEquals(deposit.subtract(part), dm.call_operatorShares(operator.getAddress(), strategy).send());
        assertEquals(deposit.subtract(part), sm(devnet, staker).call_stakerDepositShares(staker.getAddress(), strategy).send());
        var single = dm.call_getQueuedWithdrawal(event.withdrawalRoot).send();
        assertArrayEquals(event.withdrawalRoot, keccakEncode(single.component1()));
        assertEquals(List.of(part), single.component2());
        // getQueuedWithdrawals returns uint256[][]: encoded by hand (web3j#1925)
        List<Type> all = getQueuedWithdrawals(devnet, staker.getAddress());
        @SuppressWarnings("unchecked")
        List<Withdrawal> withdrawals = ((DynamicArray<Withdrawal>) all.get(0)).getValue();
        assertEquals(1, withdrawals.size());
        assertArrayEquals(event.withdrawalRoot, keccakEncode(withdrawals.get(0)));
        @SuppressWarnings("unchecked")
        List<DynamicArray<Uint256>> shares = ((DynamicArray<DynamicArray<Uint256>>) all.get(1)).getValue();
        assertEquals(part, shares.get(0).getValue().get(0).getValue());

        List<String> tokens = List.of(el.stETH());
        String complete = DelegationManager.getABI_send_completeQueuedWithdrawal(w, tokens, true);
        assertReverts(devnet, staker.getAddress(), el.delegationManager(), complete, "WithdrawalDelayNotElapsed()");
        assertReverts(devnet, stranger.getAddress(), el.delegationManager(), complete, "WithdrawerNotCaller()");
        assertReverts(devnet, staker.getAddress(), el.delegationManager(),
                DelegationManager.getABI_send_completeQueuedWithdrawal(w, List.of(), true), "InputArrayLengthMismatch()");

        // a transaction mined in block startBlock + delay still fails; one block later it succeeds
        int delay = el.withdrawalDelayBlocks();
        long latest = devnet.blockNumber().longValueExact();
        long toMine = startBlock + delay - 1 - latest;
        if (toMine > 0) {
            devnet.mine(toMine);
        }
        DevnetException early = assertThrows(DevnetException.class,
                () -> devnet.transact(staker, el.delegationManager(), complete, BigInteger.ZERO));
        assertTrue(early.getMessage().contains("reverted"), early.getMessage());
        assertEquals(startBlock + delay, devnet.blockNumber().longValueExact(), "the failed attempt was mined at startBlock + delay");

        BigInteger before = tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send();
        TransactionReceipt done = devnet.transact(staker, el.delegationManager(), complete, BigInteger.ZERO);
        assertEquals(BigInteger.valueOf(startBlock + delay + 1), done.getBlockNumber());
        assertEquals(1, DelegationManager.getSlashingWithdrawalCompletedEvents(done).size());
        // shares -> tokens at the strategy rate (1:1 here: nothing else changed the balance)
        assertEquals(before.add(part), tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send());
        assertFalse(dm.call_pendingWithdrawals(event.withdrawalRoot).send());
        assertEquals(0, dm.call_getQueuedWithdrawalRoots(staker.getAddress()).send().size());
        assertReverts(devnet, staker.getAddress(), el.delegationManager(), complete, "WithdrawalNotQueued()");
    }

    @Test
    void undelegatingQueuesAWithdrawalThatCompletesAsSharesWithTheNewOperator(Devnet devnet,
            @Account(1) Credentials operator, @Account(2) Credentials newOperator, @Account(3) Credentials staker)
            throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("1234567890123456789");
        el.registerOperator(operator, null);
        el.registerOperator(newOperator, null);
        depositAndDelegate(devnet, staker, operator, deposit);
        DelegationManager dm = dm(devnet, staker);

        TransactionReceipt undelegated = dm.send_undelegate(staker.getAddress()).send();
        var queued = DelegationManager.getSlashingWithdrawalQueuedEvents(undelegated);
        assertEquals(1, queued.size(), "one withdrawal per strategy");
        assertEquals(BigInteger.ZERO, dm.call_operatorShares(operator.getAddress(), strategy).send());
        assertEquals(BigInteger.ZERO, sm(devnet, staker).call_stakerDepositShares(staker.getAddress(), strategy).send());
        assertEquals(WAD, dm.call_depositScalingFactor(staker.getAddress(), strategy).send(), "reset at zero shares");

        dm.send_delegateTo(newOperator.getAddress(), NO_SIGNATURE, ZERO_SALT).send();
        devnet.mine(el.withdrawalDelayBlocks());
        dm.send_completeQueuedWithdrawal(queued.get(0).withdrawal, List.of(Address.DEFAULT.getValue()), false).send();
        assertEquals(deposit, sm(devnet, staker).call_stakerDepositShares(staker.getAddress(), strategy).send());
        assertEquals(deposit, dm.call_operatorShares(newOperator.getAddress(), strategy).send(), "re-delegated to the current operator");
        assertEquals(BigInteger.ZERO, dm.call_operatorShares(operator.getAddress(), strategy).send());
    }

    @Test
    void slashingHalfHalvesWithdrawableSharesRoundingDownAndThePayoutMatches(Devnet devnet,
            @Account(1) Credentials operator, @Account(3) Credentials staker, @Account(8) Credentials avs) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("1000000000000000001"); // odd: halving must round
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, deposit);

        TransactionReceipt slashed = el.slashOperator(avs, operator, strategy, WAD.divide(BigInteger.TWO));
        var event = AllocationManager.getOperatorSlashedEvents(slashed).get(0);
        assertEquals(operator.getAddress(), event.operator);
        assertEquals(List.of(strategy), event.strategies);
        assertEquals(List.of(WAD.divide(BigInteger.TWO)), event.wadSlashed, "half of a fully allocated magnitude");
        AllocationManager am = AllocationManager.load(el.allocationManager(), devnet.web3j(),
                devnet.transactionManager(staker), devnet.gasProvider());
        assertEquals(WAD.divide(BigInteger.TWO), am.call_getMaxMagnitude(operator.getAddress(), strategy).send());

        DelegationManager dm = dm(devnet, staker);
        var withdrawable = dm.call_getWithdrawableShares(staker.getAddress(), List.of(strategy)).send();
        BigInteger half = deposit.divide(BigInteger.TWO); // floor
        assertEquals(List.of(half), withdrawable.component1(), "deposit x dsf x 0.5, rounded down");
        assertEquals(List.of(deposit), withdrawable.component2(), "deposit shares are untouched");
        // operator shares lose operatorShares - ceil(operatorShares x new / prev): they keep the odd wei
        assertEquals(half.add(BigInteger.ONE), dm.call_operatorShares(operator.getAddress(), strategy).send());
        // withdrawable -> deposit shares: half / 1e18-dsf / 0.5 = 2 x half = deposit - 1 (the rounded-off wei)
        assertEquals(List.of(deposit.subtract(BigInteger.ONE)), List.copyOf(dm.call_convertToDepositShares(
                staker.getAddress(), List.of(strategy), List.of(half)).send()));

        TransactionReceipt queued = dm.send_queueWithdrawals(List.of(new QueuedWithdrawalParams(List.of(strategy),
                List.of(deposit), staker.getAddress()))).send();
        var q = DelegationManager.getSlashingWithdrawalQueuedEvents(queued).get(0);
        assertEquals(List.of(deposit), q.withdrawal.scaledShares);
        assertEquals(List.of(half), q.sharesToWithdraw);
        devnet.mine(el.withdrawalDelayBlocks());
        BigInteger before = tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send();
        dm.send_completeQueuedWithdrawal(q.withdrawal, List.of(el.stETH()), true).send();
        // strategy rate is still 1:1 (slashed tokens stay until cleared): exactly `half` tokens
        assertEquals(before.add(half), tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send());
    }

    @Test
    void aSlashDuringTheQueueReducesWhatTheWithdrawalPays(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker, @Account(8) Credentials avs) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("4000000000000000000");
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, deposit);
        // set up the operator set and allocation first, so that the slash lands inside the queue window
        EigenLayerDevnet.OperatorSetRef set = el.createOperatorSet(avs, List.of(strategy));
        el.registerForOperatorSet(operator, set);
        el.allocate(operator, set, strategy, WAD);

        DelegationManager dm = dm(devnet, staker);
        TransactionReceipt queued = dm.send_queueWithdrawals(List.of(new QueuedWithdrawalParams(List.of(strategy),
                List.of(deposit), staker.getAddress()))).send();
        var q = DelegationManager.getSlashingWithdrawalQueuedEvents(queued).get(0);
        assertEquals(deposit, dm.call_getSlashableSharesInQueue(operator.getAddress(), strategy).send());

        BigInteger quarter = WAD.divide(BigInteger.valueOf(4));
        TransactionReceipt slash = el.slash(avs, set, operator.getAddress(), strategy, quarter, "during the queue");
        var shareSlash = DelegationManager.getOperatorSharesSlashedEvents(slash).get(0);
        assertEquals(deposit.divide(BigInteger.valueOf(4)), shareSlash.totalSlashedShares, "the queued shares were slashed");
        StrategyManager sm = sm(devnet, staker);
        AllocationManager.OperatorSet struct = set.toStruct();
        assertEquals(deposit.divide(BigInteger.valueOf(4)), sm.call_getBurnOrRedistributableShares(
                new StrategyManager.OperatorSet(struct.avs, struct.id), BigInteger.ONE, strategy).send());
        BigInteger expected = deposit.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4));
        assertEquals(List.of(expected), dm.call_getQueuedWithdrawal(q.withdrawalRoot).send().component2());

        devnet.mine(el.withdrawalDelayBlocks());
        BigInteger before = tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send();
        dm.send_completeQueuedWithdrawal(q.withdrawal, List.of(el.stETH()), true).send();
        assertEquals(before.add(expected), tokenAs(devnet, el.stETH(), staker).call_balanceOf(staker.getAddress()).send());

        // anyone may then send the slashed tokens to the burn address
        sm.send_clearBurnOrRedistributableSharesByStrategy(new StrategyManager.OperatorSet(struct.avs, struct.id),
                BigInteger.ONE, strategy).send();
        assertEquals(deposit.divide(BigInteger.valueOf(4)),
                tokenAs(devnet, el.stETH(), staker).call_balanceOf("0x00000000000000000000000000000000000E16E4").send());
    }

    // ---------------------------------------------------------------- helpers

    static void depositAndDelegate(Devnet devnet, Credentials staker, Credentials operator, BigInteger amount)
            throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        el.stakeStETHFor(staker.getAddress(), amount);
        tokenAs(devnet, el.stETH(), staker).send_approve(el.strategyManager(), amount).send();
        sm(devnet, staker).send_depositIntoStrategy(el.stETHStrategy(), el.stETH(), amount).send();
        dm(devnet, staker).send_delegateTo(operator.getAddress(), NO_SIGNATURE, ZERO_SALT).send();
    }

    static List<Type> getQueuedWithdrawals(Devnet devnet, String staker) throws Exception {
        Function f = new Function("getQueuedWithdrawals", List.of(new Address(staker)), List.of(
                new TypeReference<DynamicArray<Withdrawal>>() { }, new TypeReference<DynamicArray<DynamicArray<Uint256>>>() { }));
        String result = devnet.web3j().ethCall(Transaction.createEthCallTransaction(staker,
                devnet.eigenLayer().delegationManager(), FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST)
                .send().getValue();
        assertTrue(Numeric.hexStringToByteArray(result).length > 64, "a result");
        return FunctionReturnDecoder.decode(result, f.getOutputParameters());
    }

    static DelegationManager dm(Devnet devnet, Credentials who) {
        return DelegationManager.load(devnet.eigenLayer().delegationManager(), devnet.web3j(),
                devnet.transactionManager(who), devnet.gasProvider());
    }

    static StrategyManager sm(Devnet devnet, Credentials who) {
        return StrategyManager.load(devnet.eigenLayer().strategyManager(), devnet.web3j(), devnet.transactionManager(who),
                devnet.gasProvider());
    }
}
