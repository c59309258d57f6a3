package io.restake4j.devnet.eigenlayer;

import static io.restake4j.devnet.eigenlayer.EigenLayerDelegationIT.depositAndDelegate;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.WAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.AllocationManager;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager.QueuedWithdrawalParams;

/**
 * The events EigenLayer's real contracts emit, in their order, where an indexer or the SDK's log scanner would
 * notice a difference: the deposit scaling factor reset when a strategy empties, the operator-share decrease
 * inside a slash, the completion event before the shares move, and operator-set creation.
 */
@DevnetTest
class EigenLayerEventOrderIT {

    @Test
    void queueingAStrategyEmptyResetsItsScalingFactorWithTheEvent(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("2000000000000000000");
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, deposit);
        DelegationManager dm = dm(devnet, staker);

        // a part leaves shares behind: no reset
        TransactionReceipt part = dm.send_queueWithdrawals(List.of(new QueuedWithdrawalParams(List.of(strategy),
                List.of(BigInteger.ONE), staker.getAddress()))).send();
        assertEquals(List.of("OperatorSharesDecreased", "SlashingWithdrawalQueued"), names(part, el.delegationManager()));
        // the rest empties the strategy: DepositScalingFactorUpdated(staker, strategy, WAD) before the queue event
        TransactionReceipt rest = dm.send_queueWithdrawals(List.of(new QueuedWithdrawalParams(List.of(strategy),
                List.of(deposit.subtract(BigInteger.ONE)), staker.getAddress()))).send();
        assertEquals(List.of("OperatorSharesDecreased", "DepositScalingFactorUpdated", "SlashingWithdrawalQueued"),
                names(rest, el.delegationManager()));
        var reset = DelegationManager.getDepositScalingFactorUpdatedEvents(rest).get(0);
        assertEquals(staker.getAddress(), reset.staker);
        assertEquals(strategy, reset.strategy);
        assertEquals(WAD, reset.newDepositScalingFactor);
    }

    @Test
    void undelegatingEmitsTheResetPerStrategyAndCompletionComesFirst(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, new BigInteger("1500000000000000000"));
        DelegationManager dm = dm(devnet, staker);
        TransactionReceipt undelegated = dm.send_undelegate(staker.getAddress()).send();
        assertEquals(List.of("StakerUndelegated", "OperatorSharesDecreased", "DepositScalingFactorUpdated",
                "SlashingWithdrawalQueued"), names(undelegated, el.delegationManager()));

        devnet.mine(el.withdrawalDelayBlocks());
        var queued = DelegationManager.getSlashingWithdrawalQueuedEvents(undelegated).get(0);
        TransactionReceipt done = dm.send_completeQueuedWithdrawal(queued.withdrawal, List.of(el.stETH()), true).send();
        Log first = done.getLogs().get(0);
        assertEquals(el.delegationManager(), first.getAddress(), "the DelegationManager's event before any token moves");
        assertEquals(EventEncoder.encode(DelegationManager.SLASHINGWITHDRAWALCOMPLETED_EVENT), first.getTopics().get(0));
        assertEquals(List.of("SlashingWithdrawalCompleted"), names(done, el.delegationManager()));
    }

    @Test
    void aSlashDecreasesOperatorSharesForTheZeroStakerThenReportsTheSlash(Devnet devnet, @Account(1) Credentials operator,
            @Account(3) Credentials staker, @Account(8) Credentials avs) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        BigInteger deposit = new BigInteger("4000000000000000000");
        el.registerOperator(operator, null);
        depositAndDelegate(devnet, staker, operator, deposit);
        TransactionReceipt slashed = el.slashOperator(avs, operator, strategy, WAD.divide(BigInteger.TWO));
        assertEquals(List.of("OperatorSharesDecreased", "OperatorSharesSlashed"), names(slashed, el.delegationManager()));
        var decreased = DelegationManager.getOperatorSharesDecreasedEvents(slashed).get(0);
        assertEquals(operator.getAddress(), decreased.operator);
        assertEquals("0x0000000000000000000000000000000000000000", decreased.staker, "upstream's zero-address staker");
        assertEquals(strategy, decreased.strategy);
        assertEquals(deposit.divide(BigInteger.TWO), decreased.shares);
        assertEquals(deposit.divide(BigInteger.TWO), dm(devnet, staker).call_operatorShares(operator.getAddress(), strategy).send());
    }

    @Test
    void operatorSetCreationAddsTheStrategiesBeforeTheSlasher(Devnet devnet, @Account(9) Credentials avs) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        el.createOperatorSet(avs, List.of()); // publishes the AVS metadata
        AllocationManager am = AllocationManager.load(el.allocationManager(), devnet.web3j(), devnet.transactionManager(avs),
                devnet.gasProvider());
        BigInteger id = am.call_getOperatorSetCount(avs.getAddress()).send().add(BigInteger.TEN);
        TransactionReceipt created = am.send_createOperatorSets(avs.getAddress(), List.of(new AllocationManager.CreateSetParams(
                id, List.of(el.stETHStrategy(), el.rETHStrategy())))).send();
        assertEquals(List.of("OperatorSetCreated", "StrategyAddedToOperatorSet", "StrategyAddedToOperatorSet",
                "SlasherUpdated"), names(created, el.allocationManager()));
    }

    // ---------------------------------------------------------------- helpers

    private static DelegationManager dm(Devnet devnet, Credentials who) {
        return DelegationManager.load(devnet.eigenLayer().delegationManager(), devnet.web3j(),
                devnet.transactionManager(who), devnet.gasProvider());
    }

    private static final Map<String, String> NAMES = names(List.of(
            DelegationManager.OPERATORSHARESDECREASED_EVENT, DelegationManager.OPERATORSHARESINCREASED_EVENT,
            DelegationManager.OPERATORSHARESSLASHED_EVENT, DelegationManager.DEPOSITSCALINGFACTORUPDATED_EVENT,
            DelegationManager.SLASHINGWITHDRAWALQUEUED_EVENT, DelegationManager.SLASHINGWITHDRAWALCOMPLETED_EVENT,
            DelegationManager.STAKERUNDELEGATED_EVENT, AllocationManager.OPERATORSETCREATED_EVENT,
            AllocationManager.STRATEGYADDEDTOOPERATORSET_EVENT, AllocationManager.SLASHERUPDATED_EVENT));

    private static Map<String, String> names(List<Event> events) {
        Map<String, String> byTopic = new java.util.HashMap<>();
        for (Event e : events) {
            byTopic.put(EventEncoder.encode(e), e.getName());
        }
        return Map.copyOf(byTopic);
    }

    /** The names of {@code contract}'s events in the receipt, in log order (unknown topics as their hash). */
    private static List<String> names(TransactionReceipt receipt, String contract) {
        List<String> out = new ArrayList<>();
        for (Log log : receipt.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(contract)) {
                String topic = log.getTopics().get(0);
                out.add(NAMES.getOrDefault(topic, topic));
            }
        }
        return out;
    }
}
