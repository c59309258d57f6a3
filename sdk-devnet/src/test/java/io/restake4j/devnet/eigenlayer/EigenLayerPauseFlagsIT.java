package io.restake4j.devnet.eigenlayer;

import static io.restake4j.devnet.eigenlayer.ElTestSupport.assertReverts;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.AllocationManager;
import io.restake4j.devnet.fixtures.eigenlayer.EigenPodManager;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBase;

/**
 * Each pause flag the EigenPodManager, AllocationManager, RewardsCoordinator and StrategyBase check (upstream's
 * indexes): with the flag set the guarded call reverts {@code CurrentlyPaused()}; with it clear, the same call
 * does not (it may revert for another reason, e.g. the caller is not the StrategyManager).
 */
@DevnetTest
class EigenLayerPauseFlagsIT {

    private static final String CURRENTLY_PAUSED = Hash.sha3String("CurrentlyPaused()").substring(0, 10);

    private record Guarded(String what, String contract, int flag, String calldata) {}

    @Test
    void everyGuardedFunctionRevertsCurrentlyPausedWhileItsFlagIsSet(Devnet devnet, @Account(5) Credentials caller)
            throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String me = caller.getAddress();
        String avs = devnet.deployer().getAddress();
        String am = el.allocationManager();
        String rc = el.rewardsCoordinator();
        String epm = el.eigenPodManager();
        String strategy = el.stETHStrategy();
        List<Guarded> guarded = List.of(
                new Guarded("EigenPodManager.createPod", epm, 0, EigenPodManager.getABI_send_createPod()),
                new Guarded("EigenPodManager.stake", epm, 0,
                        EigenPodManager.getABI_send_stake(new byte[48], new byte[96], new byte[32], BigInteger.ZERO)),
                new Guarded("AllocationManager.modifyAllocations", am, 0,
                        AllocationManager.getABI_send_modifyAllocations(me, List.of())),
                new Guarded("AllocationManager.slashOperator", am, 1, AllocationManager.getABI_send_slashOperator(avs,
                        new AllocationManager.SlashingParams(me, BigInteger.ZERO, List.of(), List.of(), "x"))),
                new Guarded("AllocationManager.registerForOperatorSets", am, 2,
                        AllocationManager.getABI_send_registerForOperatorSets(me,
                                new AllocationManager.RegisterParams(avs, List.of(BigInteger.ZERO), new byte[0]))),
                new Guarded("AllocationManager.deregisterFromOperatorSets", am, 2,
                        AllocationManager.getABI_send_deregisterFromOperatorSets(
                                new AllocationManager.DeregisterParams(me, avs, List.of(BigInteger.ZERO)))),
                new Guarded("RewardsCoordinator.createAVSRewardsSubmission", rc, 0,
                        RewardsCoordinator.getABI_send_createAVSRewardsSubmission(List.of())),
                new Guarded("RewardsCoordinator.createRewardsForAllSubmission", rc, 1,
                        RewardsCoordinator.getABI_send_createRewardsForAllSubmission(List.of())),
                new Guarded("RewardsCoordinator.processClaims", rc, 2,
                        RewardsCoordinator.getABI_send_processClaims(List.of(), me)),
                new Guarded("RewardsCoordinator.submitRoot", rc, 3,
                        RewardsCoordinator.getABI_send_submitRoot(new byte[32], BigInteger.ONE)),
                new Guarded("RewardsCoordinator.disableRoot", rc, 3, RewardsCoordinator.getABI_send_disableRoot(BigInteger.ZERO)),
                new Guarded("RewardsCoordinator.createRewardsForAllEarners", rc, 4,
                        RewardsCoordinator.getABI_send_createRewardsForAllEarners(List.of())),
                new Guarded("RewardsCoordinator.setOperatorAVSSplit", rc, 6,
                        RewardsCoordinator.getABI_send_setOperatorAVSSplit(me, avs, BigInteger.ZERO)),
                new Guarded("RewardsCoordinator.setOperatorPISplit", rc, 7,
                        RewardsCoordinator.getABI_send_setOperatorPISplit(me, BigInteger.ZERO)),
                new Guarded("RewardsCoordinator.setOperatorSetSplit", rc, 8,
                        RewardsCoordinator.getABI_send_setOperatorSetSplit(me,
                                new RewardsCoordinator.OperatorSet(avs, BigInteger.ZERO), BigInteger.ZERO)),
                new Guarded("StrategyBase.deposit", strategy, 0, StrategyBase.getABI_send_deposit(el.stETH(), BigInteger.ONE)),
                new Guarded("StrategyBase.withdraw", strategy, 1,
                        StrategyBase.getABI_send_withdraw(me, el.stETH(), BigInteger.ONE)));
        for (Guarded g : guarded) {
            assertFalse(revertsCurrentlyPaused(devnet, me, g), g.what() + " must not be paused before the flag is set");
            el.pause(g.contract(), g.flag());
            try {
                assertReverts(devnet, me, g.contract(), g.calldata(), "CurrentlyPaused()");
            } finally {
                el.unpause(g.contract(), g.flag());
            }
            assertFalse(revertsCurrentlyPaused(devnet, me, g), g.what() + " after unpausing");
        }
    }

    private static boolean revertsCurrentlyPaused(Devnet devnet, String from, Guarded g) throws Exception {
        EthCall call = devnet.web3j().ethCall(Transaction.createEthCallTransaction(from, g.contract(), g.calldata()),
                DefaultBlockParameterName.LATEST).send();
        String data = call.getRevertReasonEncodedData();
        return call.isReverted() && data != null && data.replace("\"", "").startsWith(CURRENTLY_PAUSED);
    }
}
