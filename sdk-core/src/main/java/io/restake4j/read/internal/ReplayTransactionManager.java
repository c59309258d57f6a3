package io.restake4j.read.internal;

import java.math.BigInteger;

import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * Lets a generated wrapper decode a result that was fetched elsewhere (in a Multicall3 batch): the
 * wrapper's own {@code call_x(...)} code runs unchanged, and its one {@code eth_call} is answered with
 * the recorded bytes. It never reaches a node and cannot send transactions.
 */
public final class ReplayTransactionManager extends TransactionManager {

    private volatile String response;

    public ReplayTransactionManager() {
        super((TransactionReceiptProcessor) null, null);
    }

    /** The raw return data the next {@link #sendCall} answers. */
    public void answerWith(String returnData) {
        this.response = returnData;
    }

    @Override
    public String sendCall(String to, String data, DefaultBlockParameter defaultBlockParameter) {
        String r = response;
        if (r == null) {
            throw new IllegalStateException("batched read not executed yet");
        }
        return r;
    }

    @Override
    public EthSendTransaction sendTransaction(BigInteger gasPrice, BigInteger gasLimit, String to, String data,
            BigInteger value, boolean constructor) {
        throw new UnsupportedOperationException("a batched read cannot send transactions");
    }

    @Override
    public EthSendTransaction sendEIP1559Transaction(long chainId, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, BigInteger gasLimit, String to, String data, BigInteger value, boolean constructor) {
        throw new UnsupportedOperationException("a batched read cannot send transactions");
    }

    @Override
    public EthGetCode getCode(String contractAddress, DefaultBlockParameter defaultBlockParameter) {
        throw new UnsupportedOperationException("a batched read does not fetch code");
    }
}
