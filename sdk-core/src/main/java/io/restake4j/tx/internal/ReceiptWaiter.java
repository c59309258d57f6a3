package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.ConfirmationTimeoutException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.errors.RpcException;

/** Polls for a receipt, then for confirmations, at a configurable interval and up to a timeout. */
public final class ReceiptWaiter {

    private final Web3j web3j;
    private final Duration pollInterval;
    private final Duration timeout;

    public ReceiptWaiter(Web3j web3j, Duration pollInterval, Duration timeout) {
        this.web3j = web3j;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Waits until {@code hash} is mined. */
    public TransactionReceipt awaitReceipt(String hash) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = fetch(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ConfirmationTimeoutException(hash, timeout);
            }
            sleep();
        }
    }

    /** Waits until the receipt's block has {@code confirmations} blocks on top of it, counting itself. */
    public void awaitConfirmations(TransactionReceipt receipt, int confirmations) {
        if (confirmations <= 1) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        BigInteger target = receipt.getBlockNumber().add(BigInteger.valueOf(confirmations - 1L));
        while (blockNumber().compareTo(target) < 0) {
            if (System.nanoTime() > deadline) {
                throw new ConfirmationTimeoutException(receipt.getTransactionHash(), timeout);
            }
            sleep();
        }
    }

    private Optional<TransactionReceipt> fetch(String hash) {
        try {
            EthGetTransactionReceipt r = web3j.ethGetTransactionReceipt(hash).send();
            if (r.hasError()) {
                throw new RpcException("eth_getTransactionReceipt failed: " + r.getError().getMessage(), false, null);
            }
            return r.getTransactionReceipt();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_getTransactionReceipt", e);
        }
    }

    private BigInteger blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_blockNumber", e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis(), (int) (pollInterval.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for a receipt", false, e);
        }
    }
}
