package io.restake4j.devnet.etherfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WeETH;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/**
 * Helpers shared by the ether.fi fixture tests: wrappers per account, exact rounding, reverts, permits,
 * and {@link Pool}, an independent model of the pool's share math.
 */
final class EtherFiTestSupport {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";

    private EtherFiTestSupport() {
    }

    static BigInteger eth(long n) {
        return ETH.multiply(BigInteger.valueOf(n));
    }

    static BigInteger wei(String digits) {
        return new BigInteger(digits);
    }

    /** floor(a * b / c). */
    static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger c) {
        return a.multiply(b).divide(c);
    }

    /** ceil(a * b / c). */
    static BigInteger mulDivUp(BigInteger a, BigInteger b, BigInteger c) {
        BigInteger[] qr = a.multiply(b).divideAndRemainder(c);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /**
     * The pool as the tests expect it: total value {@code tvl} over {@code shares}. Each operation returns what
     * ether.fi's documented math gives, computed here with BigInteger, and updates the model.
     */
    static final class Pool {
        BigInteger tvl = BigInteger.ZERO;
        BigInteger shares = BigInteger.ZERO;

        /** Shares minted for a deposit, priced on the pre-deposit value (first deposit 1:1). */
        BigInteger deposit(BigInteger amount) {
            BigInteger minted = tvl.signum() == 0 ? amount : mulDiv(amount, shares, tvl);
            tvl = tvl.add(amount);
            shares = shares.add(minted);
            return minted;
        }

        void rebase(BigInteger delta) {
            tvl = tvl.add(delta);
        }

        BigInteger sharesForAmount(BigInteger amount) {
            return tvl.signum() == 0 ? BigInteger.ZERO : mulDiv(amount, shares, tvl);
        }

        BigInteger sharesForWithdrawalAmount(BigInteger amount) {
            return tvl.signum() == 0 ? BigInteger.ZERO : mulDivUp(amount, shares, tvl);
        }

        BigInteger amountForShare(BigInteger share) {
            return shares.signum() == 0 ? BigInteger.ZERO : mulDiv(share, tvl, shares);
        }

        BigInteger amountPerShareCeil() {
            return mulDivUp(ETH, tvl, shares);
        }

        /**
         * A claim burns the shares of the ether paid, rounded up and at most the request's shares, and takes
         * that ether out of the pool's value; returns the shares burnt (the rest stay with the NFT contract).
         */
        BigInteger claim(BigInteger requestShares, BigInteger paid) {
            BigInteger burnt = sharesForWithdrawalAmount(paid).min(requestShares);
            shares = shares.subtract(burnt);
            tvl = tvl.subtract(paid);
            return burnt;
        }
    }

    /** min(amountOfEEth, shareOfEEth * frozenRate / 1e18). */
    static BigInteger claimable(BigInteger amount, BigInteger share, BigInteger frozenRate) {
        return amount.min(mulDiv(share, frozenRate, ETH));
    }

    static LiquidityPool pool(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return LiquidityPool.load(etherFi.liquidityPool(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    static EETH eETH(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return EETH.load(etherFi.eETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WeETH weETH(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return WeETH.load(etherFi.weETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WithdrawRequestNFT nft(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return WithdrawRequestNFT.load(etherFi.withdrawRequestNFT(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    /**
     * The receipt's {@code Transfer(address,address,uint256)} events emitted by {@code contract}, decoded by
     * {@code decode} (eETH, weETH and the NFT share that topic, so the generated getTransferEvents mix them).
     */
    static <T> List<T> transfersFrom(TransactionReceipt receipt, String contract,
            java.util.function.Function<org.web3j.protocol.core.methods.response.Log, T> decode) {
        String topic = Hash.sha3String("Transfer(address,address,uint256)");
        return receipt.getLogs().stream()
                .filter(l -> l.getAddress().equalsIgnoreCase(contract) && topic.equals(l.getTopics().get(0)))
                .map(decode).toList();
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

    private static String revertData(EthCall result) {
        return result.getRevertReasonEncodedData() == null ? "" : result.getRevertReasonEncodedData().replace("\"", "");
    }

    /** Simulates {@code calldata} and asserts it reverts with the custom error {@code signature(args...)}. */
    static void assertRevertsWith(Devnet devnet, String from, String to, String calldata, String signature,
            Type<?>... args) throws Exception {
        EthCall result = call(devnet, from, to, calldata);
        assertTrue(result.isReverted(), "expected a revert with " + signature + ", got " + result.getValue());
        String expected = Hash.sha3String(signature).substring(0, 10) + FunctionEncoder.encodeConstructor(List.of(args));
        assertEquals(expected, revertData(result), "revert data of " + signature);
    }

    /** Simulates {@code calldata} and asserts it reverts with the reason string {@code reason}. */
    static void assertRevertsWithReason(Devnet devnet, String from, String to, String calldata, String reason)
            throws Exception {
        EthCall result = call(devnet, from, to, calldata);
        assertTrue(result.isReverted(), "expected a revert with " + reason + ", got " + result.getValue());
        String expected = Hash.sha3String("Error(string)").substring(0, 10)
                + FunctionEncoder.encodeConstructor(List.of(new Utf8String(reason)));
        assertEquals(expected, revertData(result), "revert data, expected \"" + reason + "\"");
    }

    private static byte[] keccakEncode(Type<?>... values) {
        return Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(values))));
    }

    /** The EIP-712 domain separator (name, version, chainId, verifyingContract). */
    static byte[] domainSeparator(String name, String version, long chainId, String contract) {
        return keccakEncode(
                new Bytes32(Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                        .getBytes())),
                new Bytes32(Hash.sha3(name.getBytes())), new Bytes32(Hash.sha3(version.getBytes())),
                new Uint256(chainId), new Address(contract));
    }

    /** An EIP-2612 permit signed by {@code owner}. */
    static Sign.SignatureData signPermit(byte[] domainSeparator, Credentials owner, String spender, BigInteger value,
            BigInteger nonce, BigInteger deadline) {
        byte[] structHash = keccakEncode(
                new Bytes32(Hash.sha3("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                        .getBytes())),
                new Address(owner.getAddress()), new Address(spender), new Uint256(value), new Uint256(nonce),
                new Uint256(deadline));
        byte[] buf = new byte[66];
        buf[0] = 0x19;
        buf[1] = 0x01;
        System.arraycopy(domainSeparator, 0, buf, 2, 32);
        System.arraycopy(structHash, 0, buf, 34, 32);
        return Sign.signMessage(Hash.sha3(buf), owner.getEcKeyPair(), false);
    }
}
