package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ChainMismatchException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.errors.DecodedRevert;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.errors.RpcException;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.errors.TransactionRevertedException;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Check;
import io.restake4j.tx.CheckResults;
import io.restake4j.tx.Execution;
import io.restake4j.tx.FeeStrategy;
import io.restake4j.tx.Fees;
import io.restake4j.tx.OperationEvent;
import io.restake4j.tx.OperationListener;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Preview;
import io.restake4j.tx.SimulatedStep;
import io.restake4j.tx.Step;

/**
 * The one place transactions are made: validate, simulate all steps together, price, sign, send,
 * await, decode. Every protocol's operations run through here; none of them signs, sends, polls,
 * estimates or counts nonces itself.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final BigInteger MIN_GAS = BigInteger.valueOf(21_000);
    /** 5/4: the most gas consumed before an EIP-3529 refund, per unit of gas used after it. */
    private static final BigDecimal REFUND_ALLOWANCE = new BigDecimal("1.25");

    /** Everything the pipeline needs, fixed when the client is built. */
    public record Config(Web3j web3j, Web3jService service, long chainId, Signer signer, String readOnlyFrom,
            FeeStrategy feeStrategy, BigDecimal gasMargin, int confirmations, Duration pollInterval,
            Duration receiptTimeout, int broadcastAttempts, Executor executor, RevertDecoder revertDecoder) {
        public Config {
            Objects.requireNonNull(web3j, "web3j");
            Objects.requireNonNull(feeStrategy, "feeStrategy");
            Objects.requireNonNull(gasMargin, "gasMargin");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(revertDecoder, "revertDecoder");
        }
    }

    /** One simulation of a plan: check values, the steps that will be sent, and their outcomes. */
    record Run(CheckResults checks, List<Step> steps, List<Simulator.Outcome> outcomes, BigInteger baseFee, String method) {
    }

    private final Config config;
    private final Simulator simulator;
    private final NonceManager nonces;
    private final Broadcaster broadcaster;
    private final ReceiptWaiter waiter;
    private volatile boolean chainVerified;

    public Pipeline(Config config) {
        this.config = config;
        this.simulator = new Simulator(config.web3j(), config.service());
        this.nonces = config.signer() == null ? null : new NonceManager(config.web3j(), config.signer().address());
        this.broadcaster = new Broadcaster(config.web3j(), config.broadcastAttempts());
        this.waiter = new ReceiptWaiter(config.web3j(), config.pollInterval(), config.receiptTimeout());
    }

    public Config config() {
        return config;
    }

    /** The account operations act for: the signer's, or the read-only address. */
    public String from() {
        if (config.signer() != null) {
            return config.signer().address();
        }
        if (config.readOnlyFrom() != null) {
            return config.readOnlyFrom();
        }
        throw new InvalidInputException("this client has no signer and no account address: build it with .signer(...)"
                + " to send, or .readOnlyAccount(address) to preview");
    }

    public Executor executor() {
        return config.executor();
    }

    /** Simulates a plan and prices it; signs nothing. */
    public Preview preview(Plan<?> plan) {
        Priced priced = simulateAndPrice(plan);
        return preview(plan, priced.run(), priced.fees());
    }

    /** Runs a plan to the end. */
    public <R> R execute(Plan<R> plan, OperationListener listener) {
        try {
            if (config.signer() == null) {
                throw new InvalidInputException("this client has no signer: it can read and preview, not send");
            }
            verifyChain();
            Priced priced = simulateAndPrice(plan);
            Run run = priced.run();
            Preview preview = preview(plan, run, priced.fees());
            emit(listener, new OperationEvent(OperationEvent.Stage.SIMULATED, -1, null, null, null, preview, null));
            for (SimulatedStep s : preview.steps()) {
                if (s.simulated() && !s.success()) {
                    throw new SimulationRevertedException(s.index(), s.step().description(), s.revert());
                }
            }
            List<TransactionReceipt> receipts = new ArrayList<>();
            for (SimulatedStep s : preview.steps()) {
                receipts.add(sendStep(s, preview.fees(), listener));
            }
            return plan.mapper().map(new Execution(run.checks(), run.steps(), receipts, preview));
        } catch (RestakeException e) {
            emit(listener, new OperationEvent(OperationEvent.Stage.FAILED, -1, null, null, null, null, e));
            throw e;
        }
    }

    private TransactionReceipt sendStep(SimulatedStep simulated, Fees fees, OperationListener listener) {
        Step step = simulated.step();
        int index = simulated.index();
        BigInteger gasLimit = simulated.gasLimit();
        if (!simulated.simulated()) {
            // The node could not simulate this step ahead (no eth_simulateV1): do it now, after the steps before it.
            Simulator.Outcome now = simulator.callOne(from(), step);
            if (!now.success()) {
                throw new SimulationRevertedException(index, step.description()
                        + "; the steps before it were already sent", config.revertDecoder().decode(now.returnData()));
            }
            gasLimit = withMargin(now.gasUsed());
        }
        final BigInteger limit = gasLimit;
        String hash = nonces.withNextNonce(nonce -> {
            RawTransaction raw = switch (fees) {
                case Fees.Eip1559 f -> RawTransaction.createTransaction(config.chainId(), nonce, limit, step.to(),
                        step.value(), step.data(), f.maxPriorityFeePerGas(), f.maxFeePerGas());
                case Fees.Legacy l -> RawTransaction.createTransaction(nonce, l.gasPrice(), limit, step.to(),
                        step.value(), step.data());
            };
            byte[] signed = config.signer().signTransaction(raw, config.chainId());
            String h = Broadcaster.hashOf(signed);
            emit(listener, new OperationEvent(OperationEvent.Stage.SIGNED, index, step, h, null, null, null));
            return broadcaster.broadcast(Numeric.toHexString(signed), h);
        });
        emit(listener, new OperationEvent(OperationEvent.Stage.SENT, index, step, hash, null, null, null));
        TransactionReceipt receipt = waiter.awaitReceipt(hash);
        emit(listener, new OperationEvent(OperationEvent.Stage.MINED, index, step, hash, receipt, null, null));
        if (!receipt.isStatusOK()) {
            throw new TransactionRevertedException(step.description(), receipt, revertOf(step, receipt));
        }
        waiter.awaitConfirmations(receipt, config.confirmations());
        emit(listener, new OperationEvent(OperationEvent.Stage.CONFIRMED, index, step, hash, receipt, null, null));
        return receipt;
    }

    private record Priced(Run run, Fees fees) {
    }

    /**
     * Simulates the plan and prices it. When the fee strategy needs a single request and the node has
     * eth_simulateV1, both go in one JSON-RPC batch: one round trip.
     */
    Priced simulateAndPrice(Plan<?> plan) {
        String from = from();
        List<Step> calls = concat(plan.checks(), plan.steps().stream().map(Plan.PlannedStep::step).toList());
        FeeStrategy.Batched batched = simulator.hasSimulateV1() ? config.feeStrategy().batched(config.web3j()) : null;
        if (batched == null) {
            return new Priced(simulate(plan, simulator.simulate(from, calls)), fees());
        }
        BatchResponse answers;
        try {
            answers = config.web3j().newBatch().add(simulator.request(from, calls)).add(batched.request()).send();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_simulateV1 + fee batch", e);
        }
        Fees fees = batched.fees(answers.getResponses().get(1));
        Simulator.Result sim = simulator.parse((Simulator.SimulateResponse) answers.getResponses().get(0), calls.size());
        return new Priced(simulate(plan, sim != null ? sim : simulator.simulate(from, calls)), fees);
    }

    /** Evaluates the checks from {@code sim} and decides the steps (re-simulating if a conditional step dropped out). */
    Run simulate(Plan<?> plan, Simulator.Result sim) {
        String from = from();
        List<Check<?>> checks = plan.checks();
        List<Step> candidates = plan.steps().stream().map(Plan.PlannedStep::step).toList();
        CheckResults results = new CheckResults();
        if (!sim.method().equals("eth_simulateV1")) {
            // No eth_simulateV1: checks run one by one, then the steps are simulated from scratch.
            for (Check<?> c : checks) {
                Simulator.Outcome o = simulator.callOne(from, c.call());
                CheckResults.record(results, c, c.evaluate(o.success(), o.returnData()));
            }
            List<Step> chosen = choose(plan, results);
            Simulator.Result steps = simulator.simulate(from, chosen);
            return new Run(results, chosen, steps.outcomes(), steps.baseFeePerGas(), steps.method());
        }
        for (int i = 0; i < checks.size(); i++) {
            Simulator.Outcome o = sim.outcomes().get(i);
            CheckResults.record(results, checks.get(i), checks.get(i).evaluate(o.success(), o.returnData()));
        }
        List<Step> chosen = choose(plan, results);
        if (chosen.size() == candidates.size()) {
            return new Run(results, chosen, sim.outcomes().subList(checks.size(), sim.outcomes().size()), sim.baseFeePerGas(),
                    sim.method());
        }
        // A conditional step dropped out (e.g. the allowance suffices): simulate exactly what will be sent.
        Simulator.Result exact = simulator.simulate(from, chosen);
        return new Run(results, chosen, exact.outcomes(), exact.baseFeePerGas(), exact.method());
    }

    private static List<Step> choose(Plan<?> plan, CheckResults results) {
        return plan.steps().stream().filter(p -> p.condition().test(results)).map(Plan.PlannedStep::step).toList();
    }

    private static List<Step> concat(List<Check<?>> checks, List<Step> steps) {
        List<Step> all = new ArrayList<>(checks.size() + steps.size());
        checks.forEach(c -> all.add(c.call()));
        all.addAll(steps);
        return all;
    }

    private Preview preview(Plan<?> plan, Run run, Fees fees) {
        List<SimulatedStep> steps = new ArrayList<>();
        boolean full = true;
        for (int i = 0; i < run.steps().size(); i++) {
            Step step = run.steps().get(i);
            Simulator.Outcome o = run.outcomes().get(i);
            if (!o.simulated()) {
                full = false;
                steps.add(new SimulatedStep(i, step, false, false, null, null, null, List.of(), null));
                continue;
            }
            Object result = o.success() ? step.decodeResult(o.returnData()) : null;
            DecodedRevert revert = o.success() ? null : config.revertDecoder().decode(o.returnData());
            steps.add(new SimulatedStep(i, step, true, o.success(), result, o.gasUsed(), withMargin(o.gasUsed()), o.logs(),
                    revert));
        }
        return new Preview(plan.description(), steps, fees, run.baseFee(), full, run.method(), plan.quotes());
    }

    /**
     * The gas limit for a step whose simulation reported {@code gasUsed}. That figure is after refunds,
     * but execution must be able to consume the gas before them: EIP-3529 caps a refund at a fifth of
     * the gas consumed, so up to {@code gasUsed * 5/4} may be needed (a withdrawal completion that
     * clears storage needs it). The configured margin comes on top of that.
     */
    BigInteger withMargin(BigInteger gasUsed) {
        BigDecimal beforeRefunds = new BigDecimal(gasUsed).multiply(REFUND_ALLOWANCE);
        BigInteger limit = beforeRefunds.multiply(BigDecimal.ONE.add(config.gasMargin()))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return limit.max(MIN_GAS);
    }

    private Fees fees() {
        return config.feeStrategy().fees(config.web3j());
    }

    private DecodedRevert revertOf(Step step, TransactionReceipt receipt) {
        try {
            EthCall call = config.web3j().ethCall(Transaction.createFunctionCallTransaction(from(), null, null, null,
                    step.to(), step.value(), step.data()), DefaultBlockParameter.valueOf(receipt.getBlockNumber())).send();
            String data = call.getRevertReasonEncodedData();
            return config.revertDecoder().decode(data == null ? "0x" : data);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not replay reverted transaction {}", receipt.getTransactionHash(), e);
            return config.revertDecoder().decode("0x");
        }
    }

    /** Refuses to sign for a node on another chain than configured (checked once). */
    public void verifyChain() {
        if (chainVerified) {
            return;
        }
        long actual;
        try {
            actual = config.web3j().ethChainId().send().getChainId().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_chainId", e);
        }
        if (actual != config.chainId()) {
            throw new ChainMismatchException(config.chainId(), actual);
        }
        chainVerified = true;
    }

    /** Drops the cached nonce so the next send reads it from the chain. */
    public void resyncNonce() {
        if (nonces != null) {
            nonces.resync();
        }
    }

    private static void emit(OperationListener listener, OperationEvent event) {
        if (listener == null) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("operation listener threw on {}; ignored", event.stage(), e);
        }
    }
}
