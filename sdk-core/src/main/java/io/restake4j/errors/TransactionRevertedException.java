package io.restake4j.errors;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A transaction was mined but reverted (state changed between simulation and inclusion, or the
 * step could not be simulated). Gas was spent.
 *
 * <pre>{@code
 * catch (TransactionRevertedException e) { System.out.println(e.receipt().getTransactionHash() + ": " + e.revert()); }
 * }</pre>
 */
public class TransactionRevertedException extends RevertException {

    private static final long serialVersionUID = 1L;

    private final transient TransactionReceipt receipt;

    public TransactionRevertedException(String step, TransactionReceipt receipt, DecodedRevert revert) {
        super("transaction " + receipt.getTransactionHash() + " (" + step + ") reverted in block "
                + receipt.getBlockNumber() + ": " + revert, revert);
        this.receipt = receipt;
    }

    public TransactionReceipt receipt() {
        return receipt;
    }
}
