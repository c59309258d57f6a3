package io.restake4j.tx;

import java.math.BigInteger;
import java.util.List;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The common part of every operation's result: the transactions that were sent. Protocol results
 * extend it with their outcome (shares minted, request ids...).
 *
 * <pre>{@code
 * TransferResult r = transfer.send();
 * r.receipts().forEach(rc -> System.out.println(rc.getTransactionHash()));
 * }</pre>
 */
public abstract class OperationResult {

    private final Execution execution;

    protected OperationResult(Execution execution) {
        this.execution = execution;
    }

    /** The receipts, one per transaction sent, in order. */
    public List<TransactionReceipt> receipts() {
        return execution.receipts();
    }

    /** The hashes of the transactions sent, in order. */
    public List<String> transactionHashes() {
        return execution.receipts().stream().map(TransactionReceipt::getTransactionHash).toList();
    }

    /** How many transactions were sent (an approval counts). */
    public int transactionCount() {
        return execution.receipts().size();
    }

    public BigInteger gasUsed() {
        return execution.gasUsed();
    }

    /** Fees paid, in wei. */
    public BigInteger feesPaidWei() {
        return execution.feesPaidWei();
    }

    /** Everything the pipeline knows about the run. */
    public Execution execution() {
        return execution;
    }
}
