package io.restake4j.devnet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.testing.ErrorProbe;
import io.restake4j.devnet.fixtures.testing.TokenVault;

/**
 * The {@code testing} fixtures through their generated wrappers: {@link ErrorProbe} reverts with each
 * kind of revert data (checked byte for byte on eth_call), and {@link TokenVault} pulls a token with
 * an allowance and with an EIP-2612 permit whose digest and signature are built here.
 */
@DevnetTest
class TestingFixturesIT {

    private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);
    private static final String ERROR_STRING = "0x08c379a0"; // Error(string)
    private static final String PANIC = "0x4e487b71";        // Panic(uint256)

    private static String probe;
    private static String vault;
    private static String token;

    @BeforeAll
    static void deploy(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        probe = ErrorProbe.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send().getContractAddress();
        vault = TokenVault.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send().getContractAddress();
        TestToken fixture = devnet.deployToken("Vault Test", "VT", 18);
        fixture.send_mint(alice.getAddress(), ONE_TOKEN.multiply(BigInteger.valueOf(1_000))).send();
        token = fixture.getContractAddress();
    }

    // ------------------------------------------------------------------ ErrorProbe

    @Test
    void succeedStoresTheDoubleAndEchoesIt(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        ErrorProbe asAlice = ErrorProbe.load(probe, devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(BigInteger.valueOf(42), asAlice.call_succeed(BigInteger.valueOf(21)).send(), "simulated return value");

        TransactionReceipt receipt = asAlice.send_succeed(BigInteger.valueOf(21)).send();

        assertTrue(receipt.isStatusOK());
        List<ErrorProbe.EchoedEventResponse> echoed = ErrorProbe.getEchoedEvents(receipt);
        assertEquals(1, echoed.size());
        assertEquals(alice.getAddress(), echoed.get(0).caller);
        assertEquals(BigInteger.valueOf(42), echoed.get(0).value);
        assertEquals(BigInteger.valueOf(42), asAlice.call_lastResult().send());
    }

    @Test
    void eachFailureRevertsWithItsOwnData(Devnet devnet, Web3j web3j, @Account(0) Credentials alice) throws Exception {
        String from = alice.getAddress();

        String custom = revertData(web3j, from, probe, ErrorProbe.getABI_send_failWithCustomError(BigInteger.valueOf(7), "nope"));
        String probeFailed = Hash.sha3String("ProbeFailed(uint256,address,string)").substring(0, 10);
        assertEquals(probeFailed, custom.substring(0, 10), "ProbeFailed(uint256,address,string)");
        List<Type> args = decodeArguments(custom, ErrorProbe.PROBEFAILED_ERROR);
        assertEquals(BigInteger.valueOf(7), args.get(0).getValue());
        assertEquals(new Address(from), args.get(1), "the caller is msg.sender of the call");
        assertEquals("nope", args.get(2).getValue());

        String reason = revertData(web3j, from, probe, ErrorProbe.getABI_send_failWithReason("plain reason"));
        assertEquals(ERROR_STRING, reason.substring(0, 10), "Error(string)");
        assertEquals("plain reason", FunctionReturnDecoder.decode(reason.substring(10),
                Utils.convert(List.<TypeReference<?>>of(new TypeReference<Utf8String>() { }))).get(0).getValue());

        String divide = revertData(web3j, from, probe, ErrorProbe.getABI_send_divide(BigInteger.ONE, BigInteger.ZERO));
        assertEquals(panic(0x12), divide, "Panic(0x12): division by zero");

        String assertion = revertData(web3j, from, probe, ErrorProbe.getABI_send_failAssert());
        assertEquals(panic(0x01), assertion, "Panic(0x01): assert(false)");

        assertEquals("0x", revertData(web3j, from, probe, ErrorProbe.getABI_send_failWithoutData()), "revert() has no data");

        // Mined, a failing function's write to lastResult is rolled back with the rest of the call.
        ErrorProbe asAlice = ErrorProbe.load(probe, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        asAlice.send_succeed(BigInteger.valueOf(5)).send();
        assertThrows(DevnetException.class, () -> devnet.transact(alice, probe,
                ErrorProbe.getABI_send_failWithoutData(), BigInteger.ZERO));
        assertEquals(BigInteger.TEN, asAlice.call_lastResult().send());
    }

    // ------------------------------------------------------------------ TokenVault

    @Test
    void depositPullsApprovedTokensAndWithdrawSendsThemBack(Devnet devnet, Web3j web3j, @Account(0) Credentials alice)
            throws Exception {
        TestToken asAliceToken = TestToken.load(token, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        TokenVault asAlice = TokenVault.load(vault, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        BigInteger amount = ONE_TOKEN.multiply(BigInteger.valueOf(25));
        BigInteger aliceBefore = asAliceToken.call_balanceOf(alice.getAddress()).send();

        String zero = revertData(web3j, alice.getAddress(), vault, TokenVault.getABI_send_deposit(token, BigInteger.ZERO));
        assertEquals(Hash.sha3String("ZeroAmount()").substring(0, 10), zero);

        asAliceToken.send_approve(vault, amount).send();
        assertEquals(amount, asAlice.call_deposit(token, amount).send(), "simulated newBalance");
        TransactionReceipt receipt = asAlice.send_deposit(token, amount).send();

        List<TokenVault.DepositedEventResponse> deposits = TokenVault.getDepositedEvents(receipt);
        assertEquals(1, deposits.size());
        assertEquals(alice.getAddress(), deposits.get(0).owner);
        assertEquals(token, deposits.get(0).token);
        assertEquals(amount, deposits.get(0).amount);
        assertEquals(amount, asAlice.call_deposited(alice.getAddress(), token).send());
        assertEquals(amount, asAliceToken.call_balanceOf(vault).send());
        assertEquals(aliceBefore.subtract(amount), asAliceToken.call_balanceOf(alice.getAddress()).send());
        assertEquals(BigInteger.ZERO, asAliceToken.call_allowance(alice.getAddress(), vault).send(), "allowance used up");

        BigInteger back = ONE_TOKEN.multiply(BigInteger.valueOf(10));
        List<TokenVault.WithdrawnEventResponse> withdrawals =
                TokenVault.getWithdrawnEvents(asAlice.send_withdraw(token, back).send());
        assertEquals(1, withdrawals.size());
        assertEquals(back, withdrawals.get(0).amount);
        assertEquals(amount.subtract(back), asAlice.call_deposited(alice.getAddress(), token).send());
        assertEquals(aliceBefore.subtract(amount).add(back), asAliceToken.call_balanceOf(alice.getAddress()).send());
    }

    @Test
    void depositWithPermitNeedsNoPriorApproval(Devnet devnet, Web3j web3j, @Account(0) Credentials alice)
            throws Exception {
        TestToken asAliceToken = TestToken.load(token, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        TokenVault asAlice = TokenVault.load(vault, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        BigInteger amount = ONE_TOKEN.multiply(BigInteger.valueOf(40));
        assertEquals(BigInteger.ZERO, asAliceToken.call_allowance(alice.getAddress(), vault).send(), "no approval");
        BigInteger vaultBefore = asAliceToken.call_balanceOf(vault).send();
        BigInteger nonce = asAliceToken.call_nonces(alice.getAddress()).send();
        BigInteger deadline = latestTimestamp(web3j).add(BigInteger.valueOf(3_600));

        byte[] domainSeparator = asAliceToken.call_DOMAIN_SEPARATOR().send();
        assertEquals(Numeric.toHexString(expectedDomainSeparator("Vault Test", devnet.chainId(), token)),
                Numeric.toHexString(domainSeparator), "EIP-712 domain of the token fixture");
        byte[] digest = permitDigest(domainSeparator, alice.getAddress(), vault, amount, nonce, deadline);
        Sign.SignatureData signature = Sign.signMessage(digest, alice.getEcKeyPair(), false);

        TransactionReceipt receipt = asAlice.send_depositWithPermit(token, amount, deadline,
                BigInteger.valueOf(signature.getV()[0] & 0xff), signature.getR(), signature.getS()).send();

        assertTrue(receipt.isStatusOK());
        List<TokenVault.DepositedEventResponse> deposits = TokenVault.getDepositedEvents(receipt);
        assertEquals(1, deposits.size());
        assertEquals(alice.getAddress(), deposits.get(0).owner);
        assertEquals(amount, deposits.get(0).amount);
        assertEquals(amount, asAlice.call_deposited(alice.getAddress(), token).send());
        assertEquals(vaultBefore.add(amount), asAliceToken.call_balanceOf(vault).send());
        assertEquals(nonce.add(BigInteger.ONE), asAliceToken.call_nonces(alice.getAddress()).send(), "nonce used");
        assertEquals(BigInteger.ZERO, asAliceToken.call_allowance(alice.getAddress(), vault).send(),
                "the permit's allowance was spent in the same call");
    }

    @Test
    void withdrawingMoreThanDepositedRevertsWithInsufficientDeposit(Devnet devnet, Web3j web3j,
            @Account(0) Credentials alice) throws Exception {
        TestToken asAliceToken = TestToken.load(token, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        TokenVault asAlice = TokenVault.load(vault, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        BigInteger amount = ONE_TOKEN.multiply(BigInteger.valueOf(3));
        asAliceToken.send_approve(vault, amount).send();
        asAlice.send_deposit(token, amount).send();

        BigInteger requested = amount.add(BigInteger.ONE);
        String data = revertData(web3j, alice.getAddress(), vault, TokenVault.getABI_send_withdraw(token, requested));

        assertEquals(Hash.sha3String("InsufficientDeposit(address,uint256,uint256)").substring(0, 10),
                data.substring(0, 10), "InsufficientDeposit(address,uint256,uint256)");
        List<Type> args = decodeArguments(data, TokenVault.INSUFFICIENTDEPOSIT_ERROR);
        assertEquals(new Address(token), args.get(0));
        assertEquals(amount, args.get(1).getValue(), "available");
        assertEquals(requested, args.get(2).getValue(), "requested");
    }

    // ------------------------------------------------------------------ helpers

    /** eth_call of {@code calldata}, which must revert; its revert data as 0x-prefixed hex ("0x" when empty). */
    private static String revertData(Web3j web3j, String from, String to, String calldata) throws IOException {
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(from, to, calldata),
                DefaultBlockParameterName.LATEST).send();
        assertTrue(call.hasError(), () -> "expected a revert, got " + call.getValue());
        String data = call.getRevertReasonEncodedData();
        assertNotNull(data, () -> "no revert data in error: " + call.getError().getMessage());
        return data.replace("\"", "").toLowerCase();
    }

    private static List<Type> decodeArguments(String revertData, CustomError error) {
        return FunctionReturnDecoder.decode(revertData.substring(10), error.getParameters());
    }

    private static String panic(int code) {
        return PANIC + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(code), 64);
    }

    private static BigInteger latestTimestamp(Web3j web3j) throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
    }

    private static byte[] expectedDomainSeparator(String name, long chainId, String verifyingContract) {
        byte[] typeHash = Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                .getBytes(UTF_8));
        return Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(
                new Bytes32(typeHash),
                new Bytes32(Hash.sha3(name.getBytes(UTF_8))),
                new Bytes32(Hash.sha3("1".getBytes(UTF_8))),
                new Uint256(chainId),
                new Address(verifyingContract)))));
    }

    /** keccak256("\x19\x01" ‖ domainSeparator ‖ keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline))). */
    private static byte[] permitDigest(byte[] domainSeparator, String owner, String spender, BigInteger value,
            BigInteger nonce, BigInteger deadline) {
        byte[] typeHash = Hash.sha3("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                .getBytes(UTF_8));
        byte[] structHash = Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(
                new Bytes32(typeHash), new Address(owner), new Address(spender),
                new Uint256(value), new Uint256(nonce), new Uint256(deadline)))));
        byte[] message = new byte[2 + 32 + 32];
        message[0] = 0x19;
        message[1] = 0x01;
        System.arraycopy(domainSeparator, 0, message, 2, 32);
        System.arraycopy(structHash, 0, message, 34, 32);
        return Hash.sha3(message);
    }
}
