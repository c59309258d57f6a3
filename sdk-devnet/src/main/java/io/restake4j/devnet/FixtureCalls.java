package io.restake4j.devnet;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** How the protocol controls of a devnet call their fixtures: every failure becomes a {@link DevnetException} naming the call. */
final class FixtureCalls {

    /** A wrapper call that may throw. */
    interface Call<T> {
        T run() throws Exception;
    }

    private FixtureCalls() {
    }

    /** Sends a control transaction; a revert or a failure is a {@link DevnetException} naming {@code protocol} and {@code what}. */
    static TransactionReceipt send(String protocol, String what, Call<TransactionReceipt> call) {
        TransactionReceipt receipt = read(protocol, what, call);
        if (!receipt.isStatusOK()) {
            throw new DevnetException(protocol + " " + what + " reverted (tx " + receipt.getTransactionHash() + ")");
        }
        return receipt;
    }

    /** Reads through a wrapper; a failure is a {@link DevnetException} naming {@code protocol} and {@code what}. */
    static <T> T read(String protocol, String what, Call<T> call) {
        try {
            return call.run();
        } catch (DevnetException e) {
            throw e;
        } catch (Exception e) {
            throw new DevnetException(protocol + " " + what + " failed: " + e.getMessage(), e);
        }
    }
}
