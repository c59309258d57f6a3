package io.restake4j.devnet.testing;

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

/**
 * What the fixture ITs of every protocol check with: integer arithmetic rounded as the contracts round,
 * ether balances and gas costs, reverts by custom error or reason string, and EIP-2612 permits signed by
 * hand (so the fixtures' own permit code is checked against an independent encoding).
 */
public final class FixtureAsserts {

    public static final BigInteger ETH = BigInteger.TEN.pow(18);

    private FixtureAsserts() {
    }

    public static BigInteger eth(long n) {
        return ETH.multiply(BigInteger.valueOf(n));
    }

    /** floor(a * b / c). */
    public static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger c) {
        return a.multiply(b).divide(c);
    }

    /** ceil(a * b / c). */
    public static BigInteger mulDivUp(BigInteger a, BigInteger b, BigInteger c) {
        BigInteger[] qr = a.multiply(b).divideAndRemainder(c);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /** Ether paid for the transaction's gas. */
    public static BigInteger gasCost(TransactionReceipt receipt) {
        return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    }

    public static BigInteger balance(Devnet devnet, String address) throws Exception {
        return devnet.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    /** Simulates {@code calldata} and asserts it reverts with the custom error {@code signature(args...)}, arguments included. */
    public static void assertRevertsWith(Devnet devnet, String from, String to, String calldata, String signature,
            Type<?>... args) throws Exception {
        assertRevertsWith(devnet, from, to, calldata, BigInteger.ZERO, signature, args);
    }

    /** As {@link #assertRevertsWith(Devnet, String, String, String, String, Type...)}, sending {@code value} wei along. */
    public static void assertRevertsWith(Devnet devnet, String from, String to, String calldata, BigInteger value,
            String signature, Type<?>... args) throws Exception {
        EthCall result = call(devnet, from, to, calldata, value);
        assertTrue(result.isReverted(), "expected a revert with " + signature + ", got " + result.getValue());
        String expected = Hash.sha3String(signature).substring(0, 10) + FunctionEncoder.encodeConstructor(List.of(args));
        assertEquals(expected, revertData(result), "revert data of " + signature);
    }

    /** Simulates {@code calldata} and asserts it reverts with the reason string {@code reason}. */
    public static void assertRevertsWithReason(Devnet devnet, String from, String to, String calldata, String reason)
            throws Exception {
        assertRevertsWithReason(devnet, from, to, calldata, BigInteger.ZERO, reason);
    }

    /** Simulates {@code calldata} sent with {@code value} wei and asserts it reverts with the reason string {@code reason}. */
    public static void assertRevertsWithReason(Devnet devnet, String from, String to, String calldata, BigInteger value,
            String reason) throws Exception {
        EthCall result = call(devnet, from, to, calldata, value);
        assertTrue(result.isReverted(), "expected a revert with \"" + reason + "\", got " + result.getValue());
        String expected = Hash.sha3String("Error(string)").substring(0, 10)
                + FunctionEncoder.encodeConstructor(List.of(new Utf8String(reason)));
        assertEquals(expected, revertData(result), "revert data, expected \"" + reason + "\"");
    }

    /** An EIP-712 domain separator (name, version, chain id, verifying contract). */
    public static byte[] domainSeparator(String name, String version, long chainId, String contract) {
        return keccakEncode(
                new Bytes32(Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                        .getBytes())),
                new Bytes32(Hash.sha3(name.getBytes())), new Bytes32(Hash.sha3(version.getBytes())),
                new Uint256(chainId), new Address(contract));
    }

    /** An EIP-2612 permit signed by {@code owner} for the domain {@code domainSeparator}. */
    public static Sign.SignatureData signPermit(byte[] domainSeparator, Credentials owner, String spender, BigInteger value,
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

    private static byte[] keccakEncode(Type<?>... values) {
        return Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(values))));
    }

    private static EthCall call(Devnet devnet, String from, String to, String calldata, BigInteger value) throws Exception {
        return devnet.web3j().ethCall(Transaction.createFunctionCallTransaction(from, null, null, null, to, value, calldata),
                DefaultBlockParameterName.LATEST).send();
    }

    private static String revertData(EthCall result) {
        return result.getRevertReasonEncodedData() == null ? "" : result.getRevertReasonEncodedData().replace("\"", "");
    }
}
