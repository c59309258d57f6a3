package io.restake4j.read;

import org.web3j.protocol.Web3j;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * The static {@code load} method every generated wrapper has, e.g. {@code ERC20::load}.
 *
 * @param <C> the wrapper type
 */
@FunctionalInterface
public interface WrapperLoader<C extends Contract> {
    C load(String address, Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider);
}
