package io.restake4j.devnet.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;
import io.restake4j.devnet.fixtures.lido.WstETH;

/** Helpers shared by the Lido fixture tests: wrappers per account, exact floor division, reverts. */
final class LidoTestSupport {

    static final BigInteger ETH = BigInteger.TEN.pow(18);

    private LidoTestSupport() {
    }

    static BigInteger eth(long n) {
        return ETH.multiply(BigInteger.valueOf(n));
    }

    /** floor(a * b / c), the rounding of every Lido conversion. */
    static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger c) {
        return a.multiply(b).divide(c);
    }

    static Lido stETH(Devnet devnet, LidoDevnet lido, Credentials as) {
        return Lido.load(lido.stETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WstETH wstETH(Devnet devnet, LidoDevnet lido, Credentials as) {
        return WstETH.load(lido.wstETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WithdrawalQueueERC721 queue(Devnet devnet, LidoDevnet lido, Credentials as) {
        return WithdrawalQueueERC721.load(lido.withdrawalQueue(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    /** Ether paid for the transaction's gas. */
    static BigInteger gasCost(TransactionReceipt receipt) {
        return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    }

    static BigInteger balance(Devnet devnet, String address) throws Exception {
        return devnet.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    private static EthCall call(Devnet devnet, String from, String to, String calldata) throws Exception {
        return devnet.web3j().ethCall(Transaction.createEthCallTransaction(from, to, calldata),
                DefaultBlockParameterName.LATEST).send();
    }

    /** Simulates {@code calldata} and asserts it reverts with the custom error {@code signature(args...)}, arguments included. */
    static void assertRevertsWith(Devnet devnet, String from, String to, String calldata, String signature,
            Type<?>... args) throws Exception {
        EthCall result = call(devnet, from, to, calldata);
        assertTrue(result.isReverted(), "expected a revert with " + signature + ", got " + result.getValue());
        String data = result.getRevertReasonEncodedData() == null ? ""
                : result.getRevertReasonEncodedData().replace("\"", "");
        String expected = Hash.sha3String(signature).substring(0, 10) + FunctionEncoder.encodeConstructor(List.of(args));
        assertEquals(expected, data, "revert data of " + signature);
    }

    /** Simulates {@code calldata} and asserts it reverts with the reason string {@code reason}. */
    static void assertRevertsWithReason(Devnet devnet, String from, String to, String calldata, String reason)
            throws Exception {
        EthCall result = call(devnet, from, to, calldata);
        assertTrue(result.isReverted(), "expected a revert with " + reason + ", got " + result.getValue());
        String data = result.getRevertReasonEncodedData() == null ? ""
                : result.getRevertReasonEncodedData().replace("\"", "");
        String expected = Hash.sha3String("Error(string)").substring(0, 10)
                + FunctionEncoder.encodeConstructor(List.of(new org.web3j.abi.datatypes.Utf8String(reason)));
        assertEquals(expected, data, "revert data, expected \"" + reason + "\"");
    }
}
